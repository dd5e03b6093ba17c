-- Monthly year-to-date (累计) collective-income returns of village committees, by source.
-- Append-only: a revision is a new row; the row it replaces gets superseded_at set to the
-- new row's recorded_at. The data as of time T is every row with
-- recorded_at <= T AND (superseded_at IS NULL OR superseded_at > T).
CREATE TABLE income_returns (
  id            INTEGER PRIMARY KEY,
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
  -- Why a revised figure differs, or why a year-to-date figure fell.
  reason        TEXT,
  -- The income identity: the database refuses a return that breaks it.
  CHECK (total = operating + contracting + investment + subsidy + other)
);

-- One current row per village and period.
CREATE UNIQUE INDEX income_returns_current
  ON income_returns (village_code, period) WHERE superseded_at IS NULL;
-- As-of reads for releases.
CREATE INDEX income_returns_history ON income_returns (village_code, period, recorded_at);
CREATE INDEX income_returns_by_period ON income_returns (period) WHERE superseded_at IS NULL;

-- Values are never changed or deleted; only superseded_at may be set, once.
CREATE TRIGGER income_returns_no_delete BEFORE DELETE ON income_returns
BEGIN
  SELECT RAISE(ABORT, 'income_returns is append-only: rows cannot be deleted');
END;
CREATE TRIGGER income_returns_no_rewrite BEFORE UPDATE ON income_returns
WHEN OLD.superseded_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.village_code IS NOT OLD.village_code
  OR NEW.period IS NOT OLD.period OR NEW.total IS NOT OLD.total
  OR NEW.operating IS NOT OLD.operating OR NEW.contracting IS NOT OLD.contracting
  OR NEW.investment IS NOT OLD.investment OR NEW.subsidy IS NOT OLD.subsidy
  OR NEW.other IS NOT OLD.other OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.upload_id IS NOT OLD.upload_id OR NEW.reason IS NOT OLD.reason
BEGIN
  SELECT RAISE(ABORT, 'income_returns is append-only: only superseded_at may be set, once');
END;

-- Per-region, per-period rollups of the returns of the village committees under a region,
-- kept up to date whenever returns change (pages never aggregate raw returns).
-- Versioned like the returns: when a rollup changes, the old row gets valid_to and a new
-- row starts at valid_from. Live figures: valid_to IS NULL. As of time T (a release):
-- valid_from <= T AND (valid_to IS NULL OR valid_to > T). Nothing is copied per release.
CREATE TABLE region_period_stats (
  region_code      TEXT NOT NULL REFERENCES regions (code),
  period           TEXT NOT NULL,
  villages         INTEGER NOT NULL,
  reporting        INTEGER NOT NULL CHECK (reporting <= villages),
  income_total     INTEGER NOT NULL,
  operating        INTEGER NOT NULL,
  contracting      INTEGER NOT NULL,
  investment       INTEGER NOT NULL,
  subsidy          INTEGER NOT NULL,
  other            INTEGER NOT NULL,
  -- Median total of reporting villages; NULL when none reported.
  income_median    REAL,
  -- Reporting villages per income band (year-to-date total):
  band_zero        INTEGER NOT NULL, -- 0 空壳村
  band_lt_5w       INTEGER NOT NULL, -- (0, 50,000)
  band_5w_10w      INTEGER NOT NULL, -- [50,000, 100,000)
  band_10w_30w     INTEGER NOT NULL,
  band_30w_50w     INTEGER NOT NULL,
  band_50w_100w    INTEGER NOT NULL,
  band_ge_100w     INTEGER NOT NULL,
  -- Matched sample for year-on-year growth: villages that reported in P and P-12.
  yoy_matched      INTEGER NOT NULL,
  yoy_current      INTEGER NOT NULL, -- their totals in P
  yoy_previous     INTEGER NOT NULL, -- their totals in P-12
  valid_from       TEXT NOT NULL,
  valid_to         TEXT CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (band_zero + band_lt_5w + band_5w_10w + band_10w_30w + band_30w_50w
         + band_50w_100w + band_ge_100w = reporting),
  CHECK (income_total = operating + contracting + investment + subsidy + other),
  PRIMARY KEY (region_code, period, valid_from)
) WITHOUT ROWID;

-- One live rollup per region and period.
CREATE UNIQUE INDEX region_period_stats_live
  ON region_period_stats (region_code, period) WHERE valid_to IS NULL;
