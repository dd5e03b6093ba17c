-- Compact returns, for the whole country in one database (issue 11; README, "Storage"):
-- ten years of monthly returns of 487,000 village committees are about 57 million rows.
-- As first built, a return took 168 bytes: the row with a rowid (72), and three indexes
-- (history 51, current 29, by period 16), so ten years came to about 9.6 GB, past the
-- 8 GB we allow within D1's 10 GB. Here the table is clustered on its history key
-- (village, period, moment recorded), WITHOUT ROWID: the table is the as-of index, and a
-- return takes about 70 bytes.
-- - The synthetic id goes: a return is named by its key, which is unique (two filings of
--   one village and period at the same millisecond would be one filing).
-- - One current row per village and period is kept by a trigger that looks the key up,
--   instead of a partial unique index that would store every key a second time.
-- - The index by period goes: every read names villages (a region's code range), and
--   whole-country files are built from this key's order (bulk files).
CREATE TABLE income_returns_compact (
  village_code  TEXT NOT NULL REFERENCES regions (code),
  period        TEXT NOT NULL
                CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                       AND substr(period, 6, 2) BETWEEN '01' AND '12'),
  total         INTEGER NOT NULL CHECK (typeof(total) = 'integer' AND total >= 0),
  operating     INTEGER NOT NULL CHECK (typeof(operating) = 'integer' AND operating >= 0),
  contracting   INTEGER NOT NULL CHECK (typeof(contracting) = 'integer' AND contracting >= 0),
  investment    INTEGER NOT NULL CHECK (typeof(investment) = 'integer' AND investment >= 0),
  subsidy       INTEGER NOT NULL CHECK (typeof(subsidy) = 'integer' AND subsidy >= 0),
  other         INTEGER NOT NULL CHECK (typeof(other) = 'integer' AND other >= 0),
  recorded_at   TEXT NOT NULL,
  superseded_at TEXT CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
  upload_id     INTEGER REFERENCES uploads (id),
  reason        TEXT,
  CHECK (total = operating + contracting + investment + subsidy + other),
  PRIMARY KEY (village_code, period, recorded_at)
) WITHOUT ROWID;

INSERT INTO income_returns_compact
  (village_code, period, total, operating, contracting, investment, subsidy, other,
   recorded_at, superseded_at, upload_id, reason)
SELECT village_code, period, total, operating, contracting, investment, subsidy, other,
       recorded_at, superseded_at, upload_id, reason
FROM income_returns ORDER BY village_code, period, recorded_at;

DROP TABLE income_returns;
ALTER TABLE income_returns_compact RENAME TO income_returns;

-- One current row per village and period (the message is the one a unique index gives).
CREATE TRIGGER income_returns_one_current BEFORE INSERT ON income_returns
WHEN NEW.superseded_at IS NULL AND EXISTS (
  SELECT 1 FROM income_returns
  WHERE village_code = NEW.village_code AND period = NEW.period AND superseded_at IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: income_returns current row of a village and period');
END;

-- Values are never changed or deleted; only superseded_at may be set, once.
CREATE TRIGGER income_returns_no_delete BEFORE DELETE ON income_returns
BEGIN
  SELECT RAISE(ABORT, 'income_returns is append-only: rows cannot be deleted');
END;
CREATE TRIGGER income_returns_no_rewrite BEFORE UPDATE ON income_returns
WHEN OLD.superseded_at IS NOT NULL
  OR NEW.village_code IS NOT OLD.village_code
  OR NEW.period IS NOT OLD.period OR NEW.total IS NOT OLD.total
  OR NEW.operating IS NOT OLD.operating OR NEW.contracting IS NOT OLD.contracting
  OR NEW.investment IS NOT OLD.investment OR NEW.subsidy IS NOT OLD.subsidy
  OR NEW.other IS NOT OLD.other OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.upload_id IS NOT OLD.upload_id OR NEW.reason IS NOT OLD.reason
BEGIN
  SELECT RAISE(ABORT, 'income_returns is append-only: only superseded_at may be set, once');
END;
