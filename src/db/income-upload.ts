/**
 * Reads and writes for income uploads: what the regions table says of the file's codes,
 * the stored current returns they would replace, and the statements of a commit
 * (supersede, insert). Parameters are bound in chunks under D1's limit of
 * 100 per statement.
 */
import type { ReturnFigures } from "../lib/indicators.ts";
import type { IncomeRow } from "../lib/upload/income.ts";
import { selectIn } from "./select-in.ts";

export type StoredReturn = ReturnFigures;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const placeholders = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `?${i + from}`).join(", ");

/** The kind of each code that exists (village_committee, community, area). */
export async function findKinds(db: D1Database, codes: string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ code: string; kind: string }>(
    db,
    "SELECT code, kind FROM regions WHERE code IN",
    codes,
  );
  return new Map(rows.map((r) => [r.code, r.kind]));
}

/** Current returns of the villages between two periods, keyed "code|period". */
export async function findCurrentReturns(
  db: D1Database,
  codes: string[],
  from: string,
  to: string,
): Promise<Map<string, StoredReturn>> {
  const out = new Map<string, StoredReturn>();
  for (const part of chunks([...new Set(codes)], 90)) {
    const { results } = await db
      .prepare(
        `SELECT village_code, period, total, operating, contracting, investment, subsidy, other
         FROM income_returns
         WHERE village_code IN (${placeholders(part.length, 3)}) AND period >= ?1 AND period <= ?2
           AND superseded_at IS NULL`,
      )
      .bind(from, to, ...part)
      .all<StoredReturn & { village_code: string; period: string }>();
    for (const { village_code, period, ...r } of results) out.set(`${village_code}|${period}`, r);
  }
  return out;
}

/**
 * The writes of an income upload (after its upload record), in order: old rows superseded,
 * new rows inserted (a revision after its original is superseded, so the one-current-row
 * index holds at every step), the latest period reported.
 */
export function incomeCommitStatements(
  db: D1Database,
  upload: { id: number; at: string },
  rows: IncomeRow[],
  supersede: { village_code: string; period: string }[],
  latestPeriod: string,
): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  // Returns are named by their key: (village, period) of the current row.
  for (const part of chunks(supersede, 49)) {
    const keys = part.map((_, i) => `(?${2 * i + 2}, ?${2 * i + 3})`).join(", ");
    statements.push(
      db
        .prepare(
          `UPDATE income_returns SET superseded_at = ?1
           WHERE superseded_at IS NULL AND (village_code, period) IN (VALUES ${keys})`,
        )
        .bind(upload.at, ...part.flatMap((k) => [k.village_code, k.period])),
    );
  }
  const COLUMNS = 11;
  for (const part of chunks(rows, 9)) {
    const tuples = part.map((_, i) => `(${placeholders(COLUMNS, i * COLUMNS + 1)})`).join(", ");
    statements.push(
      db
        .prepare(
          `INSERT INTO income_returns (village_code, period, total, operating, contracting,
             investment, subsidy, other, recorded_at, upload_id, reason) VALUES ${tuples}`,
        )
        .bind(
          ...part.flatMap((r) => [
            r.village_code,
            r.period,
            r.total,
            r.operating,
            r.contracting,
            r.investment,
            r.subsidy,
            r.other,
            upload.at,
            upload.id,
            r.reason,
          ]),
        ),
    );
  }
  statements.push(
    db
      .prepare(
        `INSERT INTO dataset_meta (key, value) VALUES ('latest_period', ?1)
         ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`,
      )
      .bind(latestPeriod),
  );
  return statements;
}
