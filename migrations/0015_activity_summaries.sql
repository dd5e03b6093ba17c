-- A province's activity summaries on its page and in the API (projects by group, problem
-- counts and tallies, target and team counts: src/db/activity.ts) aggregate tens of
-- thousands of rows at national scale: 15 to 42 ms of SQL for one province, more than the
-- rest of its page (npm run bench:national). They are kept here ready-made, as the rows of
-- each read in JSON, for the data date they were reckoned at; a read uses them only when
-- that is the data date it asks for, and reads live otherwise.
CREATE TABLE activity_summaries (
  region_code     TEXT PRIMARY KEY REFERENCES regions (code),
  data_date       TEXT NOT NULL,   -- YYYY-MM-DD: what "overdue" was reckoned against
  project_groups  TEXT NOT NULL,   -- JSON array of rows, each an array in the read's columns
  problem_summary TEXT NOT NULL,
  target_summary  TEXT NOT NULL,
  computed_at     TEXT NOT NULL
);

-- Any write to a province's projects, problems, work teams or targets drops its summaries
-- in the same transaction, whatever wrote it; the Cron Trigger computes them again.
CREATE TRIGGER projects_insert_drops_summaries AFTER INSERT ON projects BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(NEW.region_code, 1, 2);
END;
CREATE TRIGGER projects_update_drops_summaries AFTER UPDATE ON projects BEGIN
  DELETE FROM activity_summaries
  WHERE region_code IN (substr(OLD.region_code, 1, 2), substr(NEW.region_code, 1, 2));
END;
CREATE TRIGGER projects_delete_drops_summaries AFTER DELETE ON projects BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(OLD.region_code, 1, 2);
END;

CREATE TRIGGER problems_insert_drops_summaries AFTER INSERT ON problems BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(NEW.region_code, 1, 2);
END;
CREATE TRIGGER problems_update_drops_summaries AFTER UPDATE ON problems BEGIN
  DELETE FROM activity_summaries
  WHERE region_code IN (substr(OLD.region_code, 1, 2), substr(NEW.region_code, 1, 2));
END;
CREATE TRIGGER problems_delete_drops_summaries AFTER DELETE ON problems BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(OLD.region_code, 1, 2);
END;

CREATE TRIGGER work_teams_insert_drops_summaries AFTER INSERT ON work_teams BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(NEW.village_code, 1, 2);
END;
CREATE TRIGGER work_teams_update_drops_summaries AFTER UPDATE ON work_teams BEGIN
  DELETE FROM activity_summaries
  WHERE region_code IN (substr(OLD.village_code, 1, 2), substr(NEW.village_code, 1, 2));
END;
CREATE TRIGGER work_teams_delete_drops_summaries AFTER DELETE ON work_teams BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(OLD.village_code, 1, 2);
END;

CREATE TRIGGER targets_insert_drops_summaries AFTER INSERT ON targets BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(NEW.village_code, 1, 2);
END;
CREATE TRIGGER targets_update_drops_summaries AFTER UPDATE ON targets BEGIN
  DELETE FROM activity_summaries
  WHERE region_code IN (substr(OLD.village_code, 1, 2), substr(NEW.village_code, 1, 2));
END;
CREATE TRIGGER targets_delete_drops_summaries AFTER DELETE ON targets BEGIN
  DELETE FROM activity_summaries WHERE region_code = substr(OLD.village_code, 1, 2);
END;
