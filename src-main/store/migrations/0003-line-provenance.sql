-- A sheet row split by section columns (Kenya's Rec | Dev) gives one line per section, so a row
-- is unique per budget, sheet and section, not per budget and sheet. SQLite cannot change a
-- table constraint in place: the table is rebuilt with its ids, which amounts and flags keep
-- pointing at. Foreign keys are off while migrations run (migrate.ts), so dropping the old
-- table cascades nothing.
CREATE TABLE line_rebuilt (
  id INTEGER PRIMARY KEY,
  budget_id INTEGER NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  kind TEXT NOT NULL,
  code TEXT,
  label TEXT,
  direction TEXT CHECK (direction IN ('revenue', 'expenditure')),
  section TEXT CHECK (section IN ('operating', 'investment')),
  chapter TEXT,
  parent_code TEXT,
  level INTEGER NOT NULL,
  hidden INTEGER NOT NULL CHECK (hidden IN (0, 1)),
  stated_rate REAL,
  -- Values of the line-key columns by header (JSON object), for lines grouped or pivoted by a
  -- key; null for a line that is one row of its sheet.
  key_values_json TEXT
) STRICT;

INSERT INTO line_rebuilt (id, budget_id, sheet, row, kind, code, label, direction, section,
    chapter, parent_code, level, hidden, stated_rate)
  SELECT id, budget_id, sheet, row, kind, code, label, direction, section, chapter, parent_code,
    level, hidden, stated_rate
  FROM line;

DROP TABLE line;
ALTER TABLE line_rebuilt RENAME TO line;

-- A unique index rather than a table constraint: a line without a section counts once.
CREATE UNIQUE INDEX line_position ON line (budget_id, sheet, row, coalesce(section, ''));
CREATE INDEX line_budget_kind ON line (budget_id, kind);

-- Each cell that made a summed amount (two change columns, the rows of a transaction-grain
-- line, both files of a join), in reading order; the amount keeps their sum and first cell.
CREATE TABLE amount_part (
  id INTEGER PRIMARY KEY,
  amount_id INTEGER NOT NULL REFERENCES amount (id) ON DELETE CASCADE,
  cell TEXT NOT NULL,
  value_minor INTEGER NOT NULL,
  source_text TEXT
) STRICT;

CREATE INDEX amount_part_amount ON amount_part (amount_id);

-- A corrected file of the same entity, year and version supersedes the budget it corrects; the
-- old one stays, with its import, for the record, and lists show the newest only.
ALTER TABLE budget ADD COLUMN replaced_by INTEGER REFERENCES budget (id);
