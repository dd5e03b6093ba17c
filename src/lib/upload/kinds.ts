/**
 * Every upload kind with its columns and its Chinese name, and which kind a header looks
 * like: a clerk who picked the wrong 数据类型 is told so, not shown a list of missing
 * columns.
 */
import type { ColumnSpec } from "./columns.ts";
import { headerName } from "./header.ts";
import { INCOME_COLUMNS } from "./income.ts";
import { NEW_COLUMNS, NEW_KINDS } from "./new-items.ts";
import { UPDATE_COLUMNS, UPDATE_KINDS } from "./updates.ts";

export type UploadKind = "income" | (typeof UPDATE_KINDS)[number] | (typeof NEW_KINDS)[number];

/** The kinds' names as the upload page offers them. */
export const KIND_NAMES: Record<UploadKind, string> = {
  income: "集体经济收入月报",
  projects: "项目进展",
  problems: "问题状态",
  targets: "任期目标",
  "work-teams": "驻村工作队",
  "new-projects": "新建项目",
  "new-problems": "新收集的问题",
  "new-work-teams": "新派驻的工作队",
  "new-targets": "新签订的任期目标",
};

export const KIND_COLUMNS: Record<UploadKind, readonly ColumnSpec[]> = {
  income: INCOME_COLUMNS,
  ...UPDATE_COLUMNS,
  ...NEW_COLUMNS,
};

/** The other kind whose required columns a header row holds, if exactly that one's. */
export function likelyKind(headerCells: string[], chosen: UploadKind): UploadKind | null {
  const names = new Set(headerCells.map((cell) => headerName(cell).name));
  const fits = (Object.keys(KIND_COLUMNS) as UploadKind[]).filter(
    (kind) =>
      kind !== chosen && KIND_COLUMNS[kind].filter((c) => c.required).every((c) => names.has(c.zh)),
  );
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

/** The note for a file that looks like another kind. */
export function wrongKindNote(headerCells: string[], chosen: UploadKind): string | null {
  const kind = likelyKind(headerCells, chosen);
  return kind
    ? `这个文件的表头是“${KIND_NAMES[kind]}”的，而不是“${KIND_NAMES[chosen]}”：是否选错了“数据类型”？`
    : null;
}
