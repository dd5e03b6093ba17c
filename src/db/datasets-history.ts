/**
 * The projects and problems datasets as of a moment T (a release's freeze time), rebuilt
 * from their append-only histories: project_updates and problem_events. The live tables
 * hold whatever the last recorded update or event wrote, so "as of T" is the last one
 * recorded by T (recorded_at, then id, breaks ties). Every lookup is a correlated subquery
 * on one project or problem, served by its history index, so a keyset page costs the same
 * wherever it starts. `param` is the bound placeholder holding T.
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
