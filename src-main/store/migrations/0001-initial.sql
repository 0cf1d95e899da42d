-- The first schema. Money is integer minor units of the budget's currency; every amount keeps
-- the cell it came from. Names are snake_case and columns NOT NULL unless a file may lack them.

CREATE TABLE entity (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'commune',
  -- ISO 3166 alpha-2 code, or '' when nobody said.
  country TEXT NOT NULL DEFAULT '',
  UNIQUE (name, kind, country)
) STRICT;

CREATE TABLE population (
  entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (entity_id, year)
) STRICT;

CREATE TABLE import (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  size_bytes INTEGER NOT NULL,
  format TEXT NOT NULL,
  -- Only CSV files have a text encoding.
  encoding TEXT,
  sheets_json TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  row_counts_json TEXT NOT NULL,
  issues_json TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
) STRICT;

CREATE TABLE budget (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entity (id),
  -- A file does not always say its year; the user can give it with --year.
  fiscal_year INTEGER,
  currency TEXT NOT NULL,
  currency_exponent INTEGER NOT NULL CHECK (currency_exponent BETWEEN 0 AND 4),
  version TEXT NOT NULL CHECK (version IN ('primitif', 'revised', 'compte-administratif')),
  executed_revenue TEXT NOT NULL,
  executed_expenditure TEXT NOT NULL,
  import_id INTEGER NOT NULL UNIQUE REFERENCES import (id)
) STRICT;

CREATE TABLE line (
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
  -- The rate the file states, in percent, kept only to check it against the amounts.
  stated_rate REAL,
  UNIQUE (budget_id, sheet, row)
) STRICT;

CREATE TABLE amount (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL REFERENCES line (id) ON DELETE CASCADE,
  phase TEXT NOT NULL,
  value_minor INTEGER NOT NULL,
  cell TEXT NOT NULL,
  source_text TEXT,
  UNIQUE (line_id, phase)
) STRICT;

CREATE TABLE flag (
  -- AUTOINCREMENT: a flag id held by a screen must never come back naming another flag.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  budget_id INTEGER NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
  -- rule, sheet, row and code: what a review is attached to, stable across re-analysis.
  flag_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  line_id INTEGER REFERENCES line (id) ON DELETE CASCADE,
  cells_json TEXT NOT NULL,
  message TEXT NOT NULL,
  values_json TEXT NOT NULL,
  settings_hash TEXT NOT NULL,
  UNIQUE (budget_id, flag_key)
) STRICT;

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  budget_id INTEGER NOT NULL REFERENCES budget (id) ON DELETE CASCADE,
  flag_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('explained', 'confirmed', 'dismissed')),
  note TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (budget_id, flag_key)
) STRICT;

CREATE TABLE operation (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  parameters_json TEXT NOT NULL,
  input_hash TEXT,
  output_hash TEXT
) STRICT;

-- The log is evidence for an auditor: it only grows.
CREATE TRIGGER operation_no_update BEFORE UPDATE ON operation
BEGIN
  SELECT RAISE(ABORT, 'the operation log is append-only');
END;

CREATE TRIGGER operation_no_delete BEFORE DELETE ON operation
BEGIN
  SELECT RAISE(ABORT, 'the operation log is append-only');
END;

CREATE INDEX line_budget_kind ON line (budget_id, kind);
CREATE INDEX amount_line ON amount (line_id);
CREATE INDEX flag_budget ON flag (budget_id);
CREATE INDEX budget_entity ON budget (entity_id);
