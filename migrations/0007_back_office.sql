-- The back office (issue 4): what the tables of 0002 and 0006 lacked.

-- The last TOTP step accepted for a user, so that a one-time code cannot be replayed.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- The 提醒函 part of a bulletin (overdue problems, targets at risk, villages that did not
-- report) as generated at publication. Problems and targets are kept as current state,
-- not versioned like returns, so the published letter is kept as it was published.
ALTER TABLE bulletins ADD COLUMN reminders_json TEXT CHECK (reminders_json IS NULL OR json_valid(reminders_json));

-- A published bulletin is frozen: only corrections (notices) are appended to it.
CREATE TRIGGER bulletins_published_frozen BEFORE UPDATE ON bulletins
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published bulletin cannot be changed; append a correction');
END;
CREATE TRIGGER bulletins_no_delete_published BEFORE DELETE ON bulletins
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published bulletin cannot be deleted');
END;

-- A published release is never un-published or moved.
CREATE TRIGGER releases_published_frozen BEFORE UPDATE ON releases
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published release cannot be changed');
END;

CREATE INDEX audit_log_by_entity ON audit_log (entity, at);
CREATE INDEX bulletins_by_status ON bulletins (status, publish_at);
CREATE INDEX releases_by_period ON releases (period);
