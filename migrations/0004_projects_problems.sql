-- Projects (项目) in the first-secretary project library, at village level or higher.
CREATE TABLE projects (
  id                 INTEGER PRIMARY KEY,
  region_code        TEXT NOT NULL REFERENCES regions (code),
  title              TEXT NOT NULL CHECK (length(title) > 0),
  category           TEXT NOT NULL
                     CHECK (category IN ('industry', 'infrastructure', 'livelihood', 'ecology', 'other')),
  supporting_unit    TEXT,            -- 后盾单位
  batch              TEXT,            -- e.g. 第一批
  start_date         TEXT NOT NULL,
  planned_completion TEXT NOT NULL CHECK (planned_completion >= start_date),
  completed_date     TEXT,
  budget             INTEGER NOT NULL CHECK (typeof(budget) = 'integer' AND budget >= 0),
  invested           INTEGER NOT NULL CHECK (typeof(invested) = 'integer' AND invested >= 0),
  progress           INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  status             TEXT NOT NULL
                     CHECK (status IN ('planned', 'under_way', 'completed', 'suspended')),
  updated_at         TEXT NOT NULL,
  CHECK ((status = 'completed') = (completed_date IS NOT NULL))
);
CREATE INDEX projects_by_region ON projects (region_code, status);

-- Append-only progress reports; projects holds the latest of them.
CREATE TABLE project_updates (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id),
  reported_on TEXT NOT NULL,
  progress    INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  invested    INTEGER NOT NULL CHECK (typeof(invested) = 'integer' AND invested >= 0),
  status      TEXT NOT NULL
              CHECK (status IN ('planned', 'under_way', 'completed', 'suspended')),
  recorded_at TEXT NOT NULL,
  upload_id   INTEGER REFERENCES uploads (id)
);
CREATE INDEX project_updates_by_project ON project_updates (project_id, reported_on);

-- Problems (问题清单): open -> claimed (部门认领) -> resolved -> closed (销号).
CREATE TABLE problems (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  project_id  INTEGER REFERENCES projects (id),
  title       TEXT NOT NULL CHECK (length(title) > 0),
  category    TEXT NOT NULL
              CHECK (category IN ('land', 'water', 'power', 'funding', 'approval',
                                  'technology', 'market', 'people', 'other')),
  channel     TEXT NOT NULL CHECK (channel IN ('matchmaking', 'direct_line', 'visit', 'other')),
  raised_on   TEXT NOT NULL,
  due_on      TEXT CHECK (due_on IS NULL OR due_on >= raised_on),
  department  TEXT,                     -- the claiming department
  claimed_on  TEXT CHECK (claimed_on IS NULL OR claimed_on >= raised_on),
  resolved_on TEXT CHECK (resolved_on IS NULL OR resolved_on >= claimed_on),
  closed_on   TEXT CHECK (closed_on IS NULL OR closed_on >= resolved_on),
  status      TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'resolved', 'closed')),
  updated_at  TEXT NOT NULL,
  -- The dates present match the status reached.
  CHECK ((status = 'open') = (claimed_on IS NULL)),
  CHECK ((status IN ('resolved', 'closed')) = (resolved_on IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (claimed_on IS NULL OR department IS NOT NULL)
);
CREATE INDEX problems_by_region ON problems (region_code, status);
CREATE INDEX problems_by_project ON problems (project_id);

-- Every status change of a problem, with its date (append-only).
CREATE TABLE problem_events (
  id          INTEGER PRIMARY KEY,
  problem_id  INTEGER NOT NULL REFERENCES problems (id),
  status      TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'resolved', 'closed')),
  event_date  TEXT NOT NULL,
  department  TEXT,
  note        TEXT,
  recorded_at TEXT NOT NULL,
  upload_id   INTEGER REFERENCES uploads (id)
);
CREATE INDEX problem_events_by_problem ON problem_events (problem_id, event_date);
