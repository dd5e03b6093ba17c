/**
 * The recorded history behind the current state of work teams and targets, so that the
 * open datasets read as of a release (target_updates, work_team_changes). Drawn with its
 * own random stream, so adding it left the current state of every team and target as it
 * was. The last history row of each item is its current state, recorded at its
 * updated_at, as an upload would have written it.
 */
import { addDays, randomDate, stamp } from "./dates.ts";
import { createRng, type Rng } from "./random.ts";
import type { SqlValue } from "./sql.ts";

// Columns of the rows made by makeTeamsAndTargets.
const TEAM = { id: 0, unit: 2, members: 3, start: 4, end: 5 } as const;
const TARGET = {
  id: 0,
  team: 2,
  phase: 5,
  baseline: 9,
  actual: 11,
  signedOff: 13,
  status: 14,
  updated: 15,
} as const;

/** work_team_changes columns, in order. */
export const TEAM_CHANGE_COLUMNS = [
  "work_team_id",
  "dispatching_unit",
  "members",
  "term_start",
  "term_end",
  "note",
  "recorded_at",
] as const;

/** target_updates columns, in order. */
export const TARGET_UPDATE_COLUMNS = [
  "target_id",
  "phase",
  "actual",
  "status",
  "signed_off_by",
  "note",
  "recorded_at",
] as const;

/**
 * One change per team when it was dispatched; about one team in six changed a member
 * since (recorded in 2025-26), so its first row has a different member count. Appends
 * updated_at (the last change) to each team row.
 */
export function teamChanges(teams: SqlValue[][]): SqlValue[][] {
  const rng = createRng("team-history");
  const out: SqlValue[][] = [];
  for (const team of teams) {
    const [id, unit, members, start, end] = [
      team[TEAM.id],
      team[TEAM.unit],
      team[TEAM.members] as number,
      team[TEAM.start] as string,
      team[TEAM.end],
    ];
    const dispatched = stamp(start);
    if (rng.chance(1 / 6)) {
      const before = members > 2 && rng.chance(0.5) ? members - 1 : members + 1;
      const changed = stamp(randomDate(rng, addDays(start, 180), "2026-09-30"));
      out.push([id, unit, before, start, end, null, dispatched]);
      out.push([id, unit, members, start, end, "队员调整", changed]);
      team.push(changed);
    } else {
      out.push([id, unit, members, start, end, null, dispatched]);
      team.push(dispatched);
    }
  }
  return out;
}

/** A value between baseline and actual, at the precision of the two. */
function between(rng: Rng, baseline: number, actual: number): number {
  const v = baseline + (actual - baseline) * rng.between(0.3, 0.7);
  return Number.isInteger(baseline) && Number.isInteger(actual)
    ? Math.round(v)
    : Math.round(v * 10) / 10;
}

/**
 * Each target: signed in its team's first six weeks (plan, on track, at its baseline);
 * once under way, a mid-term report (implement, on track, part of the way); then its
 * current state, recorded at its updated_at.
 */
export function targetUpdates(targets: SqlValue[][], teams: SqlValue[][]): SqlValue[][] {
  const rng = createRng("target-history");
  const starts = new Map(teams.map((t) => [t[TEAM.id], t[TEAM.start] as string]));
  const out: SqlValue[][] = [];
  for (const t of targets) {
    const id = t[TARGET.id];
    const baseline = t[TARGET.baseline] as number;
    const updated = t[TARGET.updated] as string;
    const start = starts.get(t[TARGET.team]) as string;
    // Teams began in 2024-25 and targets were last updated in October 2026: always before.
    const signing = stamp(randomDate(rng, start, addDays(start, 42)));
    out.push([id, "plan", baseline, "on_track", null, "签订任期目标", signing]);
    if (t[TARGET.phase] !== "plan") {
      const actual = t[TARGET.actual] as number;
      const midterm = stamp(randomDate(rng, addDays(signing.slice(0, 10), 120), "2026-06-30"));
      if (midterm < updated) {
        const part = between(rng, baseline, actual);
        out.push([id, "implement", part, "on_track", null, "中期报告", midterm]);
      }
    }
    out.push([
      id,
      t[TARGET.phase],
      t[TARGET.actual],
      t[TARGET.status],
      t[TARGET.signedOff],
      null,
      updated,
    ]);
  }
  return out;
}
