-- The bulk files of each published release: its whole datasets as gzipped CSV in R2
-- (/data/bulk/{release}/{dataset}.csv.gz), written by the BulkBuildWorkflow
-- (src/services/bulk-workflow.ts) after the release is published.
--
-- bulk_builds: one row per release whose files are being or have been built. The Cron
-- Trigger starts one build at a time (newest release first) and records it here; the
-- Workflow's last step marks it built and starts the next. instance_id names the Workflow
-- instance, so that a build that failed or vanished is started again under a new id.
-- progress_at is moved by every step: a build whose progress stops for longer than a step
-- can take (with its retries) is started again by the next cron run.
CREATE TABLE bulk_builds (
  release      TEXT PRIMARY KEY,      -- the release's period, YYYY-MM
  as_of        TEXT NOT NULL,         -- releases.published_at: the moment the files read
  instance_id  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('building', 'built')),
  started_at   TEXT NOT NULL,
  progress_at  TEXT NOT NULL,
  finished_at  TEXT,
  CHECK ((status = 'built') = (finished_at IS NOT NULL))
) WITHOUT ROWID;

-- bulk_files: one row per file written, with what /data shows beside its link. bytes is
-- the size of the gzipped file in R2 (its Content-Length), csv_bytes and rows what it
-- holds (UTF-8 with BOM; data rows, header excluded). etag is R2's HTTP ETag of the object.
CREATE TABLE bulk_files (
  release    TEXT NOT NULL,
  dataset    TEXT NOT NULL,
  bytes      INTEGER NOT NULL CHECK (bytes > 0),
  csv_bytes  INTEGER NOT NULL CHECK (csv_bytes > 0),
  rows       INTEGER NOT NULL CHECK (rows >= 0),
  etag       TEXT NOT NULL,
  built_at   TEXT NOT NULL,
  PRIMARY KEY (release, dataset)
) WITHOUT ROWID;
