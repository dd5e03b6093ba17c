/**
 * The projects, problems, targets, work-teams and releases datasets as of a moment T (a
 * release's freeze time), rebuilt from their append-only histories: project_updates,
 * problem_events, target_updates, work_team_changes, and the release calendar's own
 * timestamps with release_date_changes. The live tables hold whatever the last recorded
 * change wrote, so "as of T" is the last one recorded by T (recorded_at, then id, breaks
 * ties). Every lookup is a correlated subquery on one item, served by its history index,
 * so a keyset page costs the same wherever it starts. `param` is the bound placeholder
 * holding T.
 */

/** The project's latest update recorded by T; projects with none by T drop out (inner join). */
export function projectsAsOfFrom(param: string): string {
  return `projects t JOIN project_updates u ON u.id = (
    SELECT v.id FROM project_updates v WHERE v.project_id = t.id AND v.recorded_at <= ${param}
    ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1)`;
}

/** Progress, investment and status from that update; completed on the day it reported. */
export const PROJECTS_AS_OF_SELECT = `t.id, t.region_code, t.title, t.category,
  t.supporting_unit, t.batch, t.start_date, t.planned_completion,
  CASE WHEN u.status = 'completed' THEN u.reported_on END AS completed_date, t.budget,
  u.invested, u.progress, u.status, u.recorded_at AS updated_at`;

/** The problem's latest event recorded by T; problems not yet raised by T drop out. */
export function problemsAsOfFrom(param: string): string {
  return `problems t JOIN problem_events s ON s.id = (
    SELECT e.id FROM problem_events e WHERE e.problem_id = t.id AND e.recorded_at <= ${param}
    ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1)`;
}

/** A column of the latest event of one status recorded by T. */
function lastOf(status: string, column: string, param: string): string {
  return `(SELECT e.${column} FROM problem_events e
    WHERE e.problem_id = t.id AND e.status = '${status}' AND e.recorded_at <= ${param}
    ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1)`;
}

/** Dates and department only for the stages reached by T, as the live table's checks require. */
export function problemsAsOfSelect(param: string): string {
  return `t.id, t.region_code, t.project_id, t.title, t.category, t.channel, t.raised_on,
    t.due_on,
    CASE WHEN s.status <> 'open' THEN ${lastOf("claimed", "department", param)} END AS department,
    CASE WHEN s.status <> 'open' THEN ${lastOf("claimed", "event_date", param)} END AS claimed_on,
    CASE WHEN s.status IN ('resolved', 'closed')
      THEN ${lastOf("resolved", "event_date", param)} END AS resolved_on,
    CASE WHEN s.status = 'closed' THEN ${lastOf("closed", "event_date", param)} END AS closed_on,
    s.status, s.recorded_at AS updated_at`;
}

/** The target's latest update recorded by T; targets recorded after T drop out. */
export function targetsAsOfFrom(param: string): string {
  return `targets t JOIN target_updates u ON u.id = (
    SELECT v.id FROM target_updates v WHERE v.target_id = t.id AND v.recorded_at <= ${param}
    ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1)`;
}

/** Phase, actual value, status and sign-off from that update; the rest is fixed at signing. */
export const TARGETS_AS_OF_SELECT = `t.id, t.village_code, t.work_team_id, t.title, t.category,
  u.phase, t.measures, t.metric, t.unit, t.baseline, t.target, u.actual, t.due_on,
  u.signed_off_by, u.status, u.recorded_at AS updated_at`;

/** The team's latest change recorded by T; teams recorded after T drop out. */
export function workTeamsAsOfFrom(param: string): string {
  return `work_teams t JOIN work_team_changes w ON w.id = (
    SELECT v.id FROM work_team_changes v WHERE v.work_team_id = t.id AND v.recorded_at <= ${param}
    ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1)`;
}

export const WORK_TEAMS_AS_OF_SELECT = `t.id, t.village_code, w.dispatching_unit, w.members,
  w.term_start, w.term_end, w.recorded_at AS updated_at`;

/**
 * The release calendar as it stood at T: status from the recorded transition times, and
 * the date from the moves recorded by T (before any move, the first move's old date).
 */
export function releasesAsOfSelect(param: string): string {
  return `t.id, t.period, t.title,
    CASE WHEN t.published_at <= ${param} THEN 'published'
      WHEN t.cancelled_at <= ${param} THEN 'cancelled'
      WHEN t.confirmed_at <= ${param} THEN 'confirmed'
      ELSE 'provisional' END AS status,
    coalesce(
      (SELECT c.new_at FROM release_date_changes c WHERE c.release_id = t.id
        AND c.changed_at <= ${param} ORDER BY c.changed_at DESC, c.id DESC LIMIT 1),
      (SELECT c.old_at FROM release_date_changes c WHERE c.release_id = t.id
        ORDER BY c.changed_at, c.id LIMIT 1),
      t.scheduled_at) AS scheduled_at,
    CASE WHEN t.published_at <= ${param} THEN t.published_at END AS published_at`;
}
