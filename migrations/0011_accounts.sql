-- Account features of the back office: a password that must be changed at the next
-- sign-in (set by an administrator), and indexes for the Cron Trigger's pruning of old
-- sign-in attempts and sessions.

-- 1 after an administrator created the account or reset its password: until the user
-- has chosen their own, the guard lets them reach only the password change.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));

-- When an administrator last reset the password: failed sign-ins before it no longer count
-- towards the account's lock-out, so the user can sign in with the new one at once.
ALTER TABLE users ADD COLUMN lockout_cleared_at TEXT;

-- The pruning deletes by age, a bounded number of rows per run: oldest first.
CREATE INDEX login_attempts_by_time ON login_attempts (attempted_at);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
