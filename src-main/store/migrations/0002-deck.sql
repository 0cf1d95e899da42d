-- The facilitator's changes to a budget's town-meeting deck: slide order, hidden slides and
-- notes, as JSON keyed by slide id. The slides themselves are rebuilt from the budget.
CREATE TABLE deck (
  budget_id INTEGER PRIMARY KEY REFERENCES budget (id) ON DELETE CASCADE,
  settings_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
