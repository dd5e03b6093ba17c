-- Resident work teams (驻村工作队). Public pages show counts and units, never people.
CREATE TABLE work_teams (
  id               INTEGER PRIMARY KEY,
  village_code     TEXT NOT NULL REFERENCES regions (code),
  dispatching_unit TEXT NOT NULL,   -- 派出单位
  members          INTEGER NOT NULL CHECK (members > 0),
  term_start       TEXT NOT NULL,
  term_end         TEXT NOT NULL CHECK (term_end > term_start)
);
CREATE INDEX work_teams_by_village ON work_teams (village_code);

-- Term targets (任期目标) signed by a work team with a village committee.
CREATE TABLE targets (
  id              INTEGER PRIMARY KEY,
  village_code    TEXT NOT NULL REFERENCES regions (code),
  work_team_id    INTEGER NOT NULL REFERENCES work_teams (id),
  title           TEXT NOT NULL CHECK (length(title) > 0),
  category        TEXT NOT NULL
                  CHECK (category IN ('industry', 'infrastructure', 'livelihood', 'ecology',
                                      'governance', 'other')),
  phase           TEXT NOT NULL CHECK (phase IN ('plan', 'implement', 'consolidate')),
  measures        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(measures) AND json_type(measures) = 'array'),
  metric          TEXT NOT NULL,
  unit            TEXT NOT NULL,
  baseline        REAL NOT NULL,
  target          REAL NOT NULL,
  actual          REAL,
  due_on          TEXT NOT NULL,
  signed_off_by   TEXT,            -- the dispatching unit that signed it off
  status          TEXT NOT NULL
                  CHECK (status IN ('on_track', 'achieved', 'exceeded', 'at_risk', 'missed')),
  updated_at      TEXT NOT NULL
);
CREATE INDEX targets_by_village ON targets (village_code, status);
CREATE INDEX targets_by_team ON targets (work_team_id);
