-- The summaries of projects, problems and targets on a region page aggregate the region's
-- whole subtree; for a province of the whole country that is thousands of rows, and each
-- row was a table lookup after the index seek. These indexes hold every column the
-- summaries read (src/db/problems.ts, src/db/targets.ts), so the summaries read the index
-- alone: a province's problem and target summaries took 7.8 and 6.9 ms of SQL on the
-- national database, 4.0 and 4.8 ms with them (npm run bench:national).
CREATE INDEX problems_summary
  ON problems (region_code, status, due_on, department, raised_on, claimed_on, resolved_on);
DROP INDEX problems_by_region; -- a prefix of problems_summary

CREATE INDEX targets_summary ON targets (village_code, phase, status, signed_off_by);

CREATE INDEX work_teams_summary ON work_teams (village_code, dispatching_unit, members);
DROP INDEX work_teams_by_village; -- a prefix of work_teams_summary
