-- The overview's figures of a budget on each basis, computed once from its lines and kept, so
-- that opening a budget reads one row instead of every line. A row holds the budget as it was
-- described then (budget_json: stage, population, line count): one that differs from the budget
-- now is recomputed. Flag counts are not kept here: they are counted from the flag table.
CREATE TABLE budget_summary (
  budget_id INTEGER NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
  basis TEXT NOT NULL CHECK (basis IN ('revised', 'original')),
  -- The shape of summary_json; a row of another format is recomputed.
  format INTEGER NOT NULL,
  budget_json TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (budget_id, basis)
) STRICT;

-- Any change to a stored line or amount drops the summaries it feeds. Lines and amounts are only
-- inserted with their budget, before its first summary: a trigger on insert would cost the
-- import about a third of a second per 100 000 lines for nothing.
CREATE TRIGGER line_update_drops_summary AFTER UPDATE ON line
BEGIN
  DELETE FROM budget_summary WHERE budget_id IN (OLD.budget_id, NEW.budget_id);
END;

CREATE TRIGGER line_delete_drops_summary AFTER DELETE ON line
BEGIN
  DELETE FROM budget_summary WHERE budget_id = OLD.budget_id;
END;

CREATE TRIGGER amount_update_drops_summary AFTER UPDATE ON amount
BEGIN
  DELETE FROM budget_summary
  WHERE budget_id IN (SELECT budget_id FROM line WHERE id IN (OLD.line_id, NEW.line_id));
END;

CREATE TRIGGER amount_delete_drops_summary AFTER DELETE ON amount
BEGIN
  DELETE FROM budget_summary
  WHERE budget_id IN (SELECT budget_id FROM line WHERE id = OLD.line_id);
END;

CREATE TRIGGER budget_update_drops_summary AFTER UPDATE ON budget
BEGIN
  DELETE FROM budget_summary WHERE budget_id = OLD.id;
END;
