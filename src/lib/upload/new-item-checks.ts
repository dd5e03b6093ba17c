/**
 * Checks of new items against what the database holds: the region exists, is of the
 * right kind and lies in the uploader's area; references exist; dates are in order; and
 * the item is not already there (same place and name) or twice in the file. Pure: the
 * facts are read by src/db/new-items.ts.
 */
import type { RowError } from "./columns.ts";
import type { NewKind, NewRow } from "./new-items.ts";

export interface RegionFacts {
  code: string;
  level: string;
  kind: string;
}

export interface TeamFacts {
  id: number;
  village_code: string;
  term_start: string;
}

export interface NewItemFacts {
  regions: Map<string, RegionFacts>;
  teams: Map<number, TeamFacts>;
  /** Region of each project a problem names. */
  projects: Map<number, string>;
  /** Items already in the database, by duplicateKey, with their number. */
  existing: Map<string, number>;
}

/** What makes two items the same: place and name (and date or term where it matters). */
export function duplicateKey<K extends NewKind>(kind: K, row: NewRow<K>): string {
  const r = row as Record<string, unknown>;
  switch (kind) {
    case "new-projects":
      return `${String(r.region_code)}|${String(r.title)}`;
    case "new-problems":
      return `${String(r.region_code)}|${String(r.title)}|${String(r.raised_on)}`;
    case "new-work-teams":
      return `${String(r.village_code)}|${String(r.dispatching_unit)}|${String(r.term_start)}`;
    default:
      return `${String(r.work_team_id)}|${String(r.title)}`;
  }
}

/** The region an item belongs to (a target's is its team's village). */
export function regionOf<K extends NewKind>(
  kind: K,
  row: NewRow<K>,
  facts: NewItemFacts,
): string | null {
  const r = row as Record<string, unknown>;
  if (kind === "new-work-teams") return r.village_code as string;
  if (kind === "new-targets")
    return facts.teams.get(r.work_team_id as number)?.village_code ?? null;
  return r.region_code as string;
}

const NAME_COLUMN: Record<NewKind, string> = {
  "new-projects": "项目名称",
  "new-problems": "问题",
  "new-work-teams": "派出单位",
  "new-targets": "目标",
};
const WHAT: Record<NewKind, string> = {
  "new-projects": "项目",
  "new-problems": "问题",
  "new-work-teams": "工作队",
  "new-targets": "目标",
};

export function checkNewItems<K extends NewKind>(
  kind: K,
  rows: NewRow<K>[],
  facts: NewItemFacts,
  scope: string | null,
  today: string,
): { errors: RowError[]; accepted: NewRow<K>[] } {
  const errors: RowError[] = [];
  const accepted: NewRow<K>[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const r = row as Record<string, unknown> & { line: number };
    const before = errors.length;
    const fail = (column: string, message: string) =>
      errors.push({ line: r.line, column, message });

    if (kind === "new-targets") {
      const team = facts.teams.get(r.work_team_id as number);
      if (!team) fail("工作队编号", `工作队 ${String(r.work_team_id)} 不存在`);
      else if (scope !== null && !team.village_code.startsWith(scope))
        fail(
          "工作队编号",
          `工作队 ${team.id} 驻 ${team.village_code}，不在您负责的地区（${scope}）内`,
        );
      else if ((r.due_on as string) < team.term_start)
        fail("完成时限", `完成时限早于工作队任期开始（${team.term_start}）`);
    } else {
      const column = kind === "new-work-teams" ? "村代码" : "地区代码";
      const code = regionOf(kind, row, facts) as string;
      const region = facts.regions.get(code);
      if (!region) fail(column, `代码 ${code} 不存在`);
      else if (scope !== null && !code.startsWith(scope))
        fail(column, `${code} 不在您负责的地区（${scope}）内`);
      else if (kind === "new-work-teams" && region.kind !== "village_committee")
        fail(column, `${code} 是城镇社区，工作队只派驻村委会`);
    }

    if (kind === "new-projects" && (r.planned_completion as string) < (r.start_date as string))
      fail("计划完工日期", "计划完工日期早于开工日期");
    if (kind === "new-problems") {
      if ((r.raised_on as string) > today) fail("收集日期", `收集日期晚于今天（${today}）`);
      if (r.due_on !== null && (r.due_on as string) < (r.raised_on as string))
        fail("办理时限", "办理时限早于收集日期");
      if (r.project_id !== null) {
        const at = facts.projects.get(r.project_id as number);
        const code = r.region_code as string;
        if (at === undefined) fail("所属项目编号", `项目 ${String(r.project_id)} 不存在`);
        // The project is in the problem's place, above it, or below it.
        else if (!code.startsWith(at) && !at.startsWith(code))
          fail("所属项目编号", `项目 ${String(r.project_id)} 在 ${at}，与问题所在地区无关`);
      }
    }
    if (kind === "new-work-teams" && (r.term_end as string) <= (r.term_start as string))
      fail("任期结束", "任期结束不晚于任期开始");

    const key = duplicateKey(kind, row);
    const existing = facts.existing.get(key);
    const first = seen.get(key);
    if (existing !== undefined)
      fail(NAME_COLUMN[kind], `已有相同的${WHAT[kind]}（编号 ${existing}），不能重复新建`);
    else if (first !== undefined)
      fail(NAME_COLUMN[kind], `与第${first}行重复：同一${WHAT[kind]}在一个文件里只能出现一次`);
    else seen.set(key, r.line);

    if (errors.length === before) accepted.push(row);
  }
  return { errors, accepted };
}
