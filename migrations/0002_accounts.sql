-- Back-office accounts, sessions and the audit log. Empty until the back office exists;
-- here so that later work adds features rather than reshaping tables.
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'clerk')),
  -- A clerk works on one region's subtree only.
  region_code         TEXT REFERENCES regions (code),
  password_hash       TEXT,            -- PBKDF2-SHA256, base64
  password_salt       TEXT,
  password_iterations INTEGER,
  totp_secret         TEXT,
  created_at          TEXT NOT NULL,
  disabled_at         TEXT,
  CHECK (role <> 'clerk' OR region_code IS NOT NULL)
);

-- Session tokens are stored only as hashes.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL,   -- 'account:<email>' or 'ip:<address>'
  attempted_at TEXT NOT NULL,
  succeeded    INTEGER NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX login_attempts_by_key ON login_attempts (key, attempted_at);

-- One row per accepted upload file; returns and updates point back to it.
CREATE TABLE uploads (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER REFERENCES users (id),
  kind        TEXT NOT NULL CHECK (kind IN ('income', 'projects', 'problems', 'targets', 'sample')),
  region_code TEXT NOT NULL REFERENCES regions (code),
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  row_count   INTEGER NOT NULL,
  committed_at TEXT NOT NULL
);
CREATE INDEX uploads_by_hash ON uploads (sha256);

-- Every write: who, what, which rows, before and after, when. Never updated or deleted.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     INTEGER REFERENCES users (id),
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_ids  TEXT NOT NULL DEFAULT '[]',
  before_json TEXT,
  after_json  TEXT,
  ip          TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
