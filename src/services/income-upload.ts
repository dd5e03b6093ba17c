/**
 * An income upload from file to database: read the file, check every row, diff against
 * the stored returns (dry run), and commit returns, rollups, upload record and audit row
 * in one atomic batch. Committing a file whose rows are all unchanged writes nothing.
 */
import { configuredDeadlineDay } from "./reporting-deadline.ts";
import { chinaMonth } from "../lib/china-time.ts";
import { findCurrentReturns, findKinds, incomeCommitStatements } from "../db/income-upload.ts";
import { planRollups } from "../db/rollups.ts";
import { addMonths } from "../lib/periods.ts";
import {
  checkIncomeRows,
  diffIncome,
  FIGURE_COLUMNS,
  INCOME_COLUMNS,
  INCOME_TEMPLATE_EXAMPLE,
  parseIncomeTable,
  type IncomeDiff,
  type IncomeRow,
} from "../lib/upload/income.ts";
import { fileReport, type FileReport } from "../lib/upload/report.ts";
import { commitUpload, readUploadFile, type Uploader } from "./upload-spine.ts";

export interface UploadReport extends FileReport {
  added: number;
  revised: { village_code: string; period: string; column: string; old: number; new: number }[];
  unchanged: number;
  /** Every row as it would be (or was) stored, with what it does. */
  stored: (IncomeRow & { change: "added" | "revised" | "unchanged" })[];
}

export interface PreparedIncome {
  report: UploadReport;
  diff: IncomeDiff | null;
  sha256: string;
}

/**
 * Reads and checks a file (`sheet`: a workbook's sheet by name, else the first visible);
 * throws UploadFileError when it is not a readable table.
 */
export async function prepareIncome(
  db: D1Database,
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  scope: string | null,
  now: string,
  sheet?: string,
): Promise<PreparedIncome> {
  const { table, sha256 } = await readUploadFile(
    bytes,
    fileName,
    INCOME_COLUMNS,
    INCOME_TEMPLATE_EXAMPLE,
    sheet,
  );
  const { rows, errors } = parseIncomeTable(table);
  const codes = rows.map((r) => r.village_code);
  const periods = rows.map((r) => r.period).sort();
  const first = periods[0];
  const last = periods.at(-1);
  // Every month of the file's years: year-to-date figures must not fall within a year.
  const current =
    first && last
      ? await findCurrentReturns(db, codes, `${first.slice(0, 4)}-01`, `${last.slice(0, 4)}-12`)
      : new Map();
  if (rows.length > 0) {
    const kinds = await findKinds(db, codes);
    errors.push(...checkIncomeRows(rows, { scope, kinds, current, latestPeriod: chinaMonth(now) }));
  }
  const diff = errors.length === 0 ? diffIncome(rows, current) : null;
  return {
    sha256,
    diff,
    report: {
      ...fileReport(table, fileName, "income", errors),
      stored: diff
        ? [
            ...diff.added.map((r) => ({ ...r, change: "added" as const })),
            ...diff.revised.map(({ row }) => ({ ...row, change: "revised" as const })),
            ...diff.unchanged.map((r) => ({ ...r, change: "unchanged" as const })),
          ].sort((a, b) => a.line - b.line)
        : [],
      added: diff?.added.length ?? 0,
      revised:
        diff?.revised.flatMap(({ row, before }) =>
          FIGURE_COLUMNS.filter((k) => before[k] !== row[k]).map((k) => ({
            village_code: row.village_code,
            period: row.period,
            column: k,
            old: before[k],
            new: row[k],
          })),
        ) ?? [],
      unchanged: diff?.unchanged.length ?? 0,
    },
  };
}

export interface CommitResult {
  uploadId: number | null;
  statements: number;
}

/** Writes a checked upload in one batch; a no-op when nothing changed. */
export async function commitIncome(
  db: D1Database,
  prepared: PreparedIncome,
  user: Uploader,
  now: string,
  ip: string | null,
): Promise<CommitResult> {
  const diff = prepared.diff;
  if (!diff) throw new Error("commitIncome: the upload has errors");
  const changed = [...diff.added, ...diff.revised.map((r) => r.row)];
  if (changed.length === 0) return { uploadId: null, statements: 0 };

  const latest = changed
    .map((r) => r.period)
    .sort()
    .at(-1) as string;
  // Rollups of P, and of P+12 whose year-on-year growth reads P (only months already open).
  // The latest period that may be reported: the China month of now.
  const open = chinaMonth(now);
  const rollups: D1PreparedStatement[] = [];
  for (const province of new Set(changed.map((r) => r.village_code.slice(0, 2)))) {
    const mine = changed.filter((r) => r.village_code.startsWith(province));
    const periods = [...new Set(mine.flatMap((r) => [r.period, addMonths(r.period, 12)]))]
      .filter((p) => p <= open)
      .sort();
    rollups.push(...(await planRollups(db, province, periods, now, mine, configuredDeadlineDay())));
  }
  let statements = 0;
  const uploadId = await commitUpload(
    db,
    {
      kind: "income",
      fileName: prepared.report.fileName,
      sha256: prepared.sha256,
      rowCount: changed.length,
      // Named by the deepest area (township or above) all the file's villages share.
      regions: changed.map((r) => r.village_code.slice(0, 9)),
      statements: (id) => {
        const writes = [
          ...incomeCommitStatements(
            db,
            { id, at: now },
            changed,
            diff.revised.map(({ row }) => ({ village_code: row.village_code, period: row.period })),
            latest,
          ),
          ...rollups,
        ];
        statements = writes.length + 3; // with the upload record, data version and audit row
        return writes;
      },
      audit: {
        action: "upload.commit",
        entity: "income_returns",
        ids: changed.map((r) => `${r.village_code}|${r.period}`),
        before: diff.revised.map(({ row, before }) => ({
          village_code: row.village_code,
          period: row.period,
          ...Object.fromEntries(FIGURE_COLUMNS.map((k) => [k, before[k]])),
        })),
        after: changed.map((r) => ({
          village_code: r.village_code,
          period: r.period,
          ...Object.fromEntries(FIGURE_COLUMNS.map((k) => [k, r[k]])),
          reason: r.reason,
        })),
      },
    },
    user,
    now,
    ip,
  );
  return { uploadId, statements };
}
