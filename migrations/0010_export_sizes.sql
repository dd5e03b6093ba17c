-- The measured size of each CSV export (/api/v1/datasets/{name}.csv), so that its response
-- can declare Content-Length and X-Row-Count: measuring walks the whole export once before
-- sending it, and this table makes that extra pass happen once per distinct export.
--
-- export: the dataset and the filters as asked (region, from, to, bom), e.g.
-- "village-income?region=450422&from=&to=&bom=0". version: the data the export reads, as in
-- the route's ETag (versionStamp in functions/http-cache.ts): a release's freeze moment, or
-- "live:" and dataset_meta.last_updated, which every write to a dataset bumps, so that a
-- later upload makes a new row instead of reusing a stale size. Written by
-- src/db/export-sizes.ts; a new live version of an export deletes the older live ones. A
-- cache only: deleting rows is always safe (they are measured again).
CREATE TABLE export_sizes (
  export      TEXT NOT NULL,
  version     TEXT NOT NULL,
  bytes       INTEGER NOT NULL CHECK (bytes >= 0),
  rows        INTEGER NOT NULL CHECK (rows >= 0),
  measured_at TEXT NOT NULL,
  PRIMARY KEY (export, version)
) WITHOUT ROWID;

-- The Cron Trigger forgets sizes measured over 30 days ago (src/services/cron.ts), so that
-- the table holds what is downloaded, not every filter anyone ever tried.
CREATE INDEX export_sizes_by_age ON export_sizes (measured_at);
