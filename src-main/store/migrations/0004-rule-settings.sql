-- The thresholds of the rules chosen for this store, as JSON holding only what differs from the
-- defaults, so that a default changed by a later version still reaches the keys nobody set.
-- One row: the settings belong to the store, not to a budget.
CREATE TABLE rule_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  overrides_json TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
