-- Releases: dated, frozen views of the data, announced on a calendar.
-- provisional -> confirmed -> published, or cancelled (with a notice).
CREATE TABLE releases (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  period          TEXT NOT NULL,         -- the data period it reports, YYYY-MM
  status          TEXT NOT NULL
                  CHECK (status IN ('provisional', 'confirmed', 'published', 'cancelled')),
  scheduled_at    TEXT NOT NULL,         -- announced publication time (UTC ISO 8601)
  confirmed_at    TEXT,
  -- The moment the data was frozen: figures are recomputed as of this time.
  published_at    TEXT,
  cancelled_at    TEXT,
  created_at      TEXT NOT NULL,
  CHECK ((status = 'published') = (published_at IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK (status = 'provisional' OR status = 'cancelled' OR confirmed_at IS NOT NULL)
);
CREATE INDEX releases_by_schedule ON releases (scheduled_at);

-- A confirmed date moved keeps its reason, visibly.
CREATE TABLE release_date_changes (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER NOT NULL REFERENCES releases (id),
  old_at      TEXT NOT NULL,
  new_at      TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  changed_at  TEXT NOT NULL,
  changed_by  INTEGER REFERENCES users (id)
);

-- Monthly bulletin (月度进度表 with its 提醒函 part), belonging to a release.
CREATE TABLE bulletins (
  id            INTEGER PRIMARY KEY,
  release_id    INTEGER NOT NULL REFERENCES releases (id),
  title         TEXT NOT NULL,
  period        TEXT NOT NULL,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  -- 2-6 indicator keys, never typed-in figures.
  headline_indicators TEXT NOT NULL DEFAULT '[]'
                CHECK (json_valid(headline_indicators)),
  narrative_md  TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
  publish_at    TEXT,
  published_at  TEXT,
  created_by    INTEGER REFERENCES users (id),
  updated_at    TEXT NOT NULL
);
CREATE INDEX bulletins_by_release ON bulletins (release_id);

-- Corrections and notices, appended to a release or bulletin; never edited or deleted.
CREATE TABLE notices (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER REFERENCES releases (id),
  bulletin_id INTEGER REFERENCES bulletins (id),
  kind        TEXT NOT NULL CHECK (kind IN ('correction', 'notice', 'cancellation', 'date_change')),
  body        TEXT NOT NULL CHECK (length(body) > 0),
  reason      TEXT NOT NULL CHECK (length(reason) > 0),
  issued_at   TEXT NOT NULL,
  issued_by   INTEGER REFERENCES users (id),
  CHECK (release_id IS NOT NULL OR bulletin_id IS NOT NULL)
);
CREATE TRIGGER notices_no_update BEFORE UPDATE ON notices
BEGIN SELECT RAISE(ABORT, 'corrections and notices cannot be edited'); END;
CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices
BEGIN SELECT RAISE(ABORT, 'corrections and notices cannot be deleted'); END;

-- Facts about the loaded data set: whether it is sample data, when it was last updated.
CREATE TABLE dataset_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
