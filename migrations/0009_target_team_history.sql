-- History for term targets and work teams, so that the open datasets `targets` and
-- `work-teams` read as of a release like projects and problems do: `targets` and
-- `work_teams` keep the current state, these tables every recorded change (append-only).

-- Work-team changes and new items arrive by upload, so uploads.kind must allow them (the
-- new-* kinds create projects, problems, work teams and targets). SQLite cannot alter
-- a CHECK, so the table is rebuilt; D1 enforces foreign keys, which are deferred to the
-- end of the migration while the referenced table is swapped.
PRAGMA defer_foreign_keys = on;
CREATE TABLE uploads_new (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER REFERENCES users (id),
  kind        TEXT NOT NULL
              CHECK (kind IN ('income', 'projects', 'problems', 'targets', 'work-teams',
                              'new-projects', 'new-problems', 'new-work-teams', 'new-targets',
                              'sample')),
  region_code TEXT NOT NULL REFERENCES regions (code),
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  row_count   INTEGER NOT NULL,
  committed_at TEXT NOT NULL
);
INSERT INTO uploads_new SELECT id, user_id, kind, region_code, file_name, sha256, row_count, committed_at FROM uploads;
DROP TABLE uploads;
ALTER TABLE uploads_new RENAME TO uploads;
CREATE INDEX uploads_by_hash ON uploads (sha256);

-- Every recorded state of a target: at signing, then each update (uploads, 说明 as note).
CREATE TABLE target_updates (
  id            INTEGER PRIMARY KEY,
  target_id     INTEGER NOT NULL REFERENCES targets (id),
  phase         TEXT NOT NULL CHECK (phase IN ('plan', 'implement', 'consolidate')),
  actual        REAL,
  status        TEXT NOT NULL
                CHECK (status IN ('on_track', 'achieved', 'exceeded', 'at_risk', 'missed')),
  signed_off_by TEXT,
  note          TEXT,
  recorded_at   TEXT NOT NULL,
  upload_id     INTEGER REFERENCES uploads (id)
);
CREATE INDEX target_updates_by_target ON target_updates (target_id, recorded_at);

-- Every recorded state of a work team: when it was dispatched, then each change of its
-- members or term (an extension moves term_end).
CREATE TABLE work_team_changes (
  id               INTEGER PRIMARY KEY,
  work_team_id     INTEGER NOT NULL REFERENCES work_teams (id),
  dispatching_unit TEXT NOT NULL,
  members          INTEGER NOT NULL CHECK (members > 0),
  term_start       TEXT NOT NULL,
  term_end         TEXT NOT NULL CHECK (term_end > term_start),
  note             TEXT,
  recorded_at      TEXT NOT NULL,
  upload_id        INTEGER REFERENCES uploads (id)
);
CREATE INDEX work_team_changes_by_team ON work_team_changes (work_team_id, recorded_at);

-- The time of a team's latest recorded change, like targets.updated_at.
ALTER TABLE work_teams ADD COLUMN updated_at TEXT;

-- Data loaded before this migration has no history: each item gets one row holding its
-- current state, recorded when it was last updated (a team: when its term began). Read
-- as of an earlier release, such an item is absent rather than shown in a later state.
INSERT INTO target_updates (target_id, phase, actual, status, signed_off_by, recorded_at)
SELECT id, phase, actual, status, signed_off_by, updated_at FROM targets;
UPDATE work_teams SET updated_at = term_start || 'T00:00:00Z' WHERE updated_at IS NULL;
INSERT INTO work_team_changes
  (work_team_id, dispatching_unit, members, term_start, term_end, recorded_at)
SELECT id, dispatching_unit, members, term_start, term_end, updated_at FROM work_teams;

CREATE TRIGGER target_updates_no_update BEFORE UPDATE ON target_updates
BEGIN
  SELECT RAISE(ABORT, 'target_updates is append-only');
END;
CREATE TRIGGER target_updates_no_delete BEFORE DELETE ON target_updates
BEGIN
  SELECT RAISE(ABORT, 'target_updates is append-only');
END;
CREATE TRIGGER work_team_changes_no_update BEFORE UPDATE ON work_team_changes
BEGIN
  SELECT RAISE(ABORT, 'work_team_changes is append-only');
END;
CREATE TRIGGER work_team_changes_no_delete BEFORE DELETE ON work_team_changes
BEGIN
  SELECT RAISE(ABORT, 'work_team_changes is append-only');
END;

PRAGMA defer_foreign_keys = off;
