/** Facts about the loaded data set (dataset_meta). */
import type { Plan } from "./json-rows.ts";

export interface DatasetMeta {
  sampleData: boolean;
  lastUpdated: string | null;
  firstPeriod: string | null;
  latestPeriod: string | null;
  sourceNote: string | null;
}

export async function readDatasetMeta(db: D1Database): Promise<DatasetMeta> {
  const { results } = await db
    .prepare("SELECT key, value FROM dataset_meta")
    .all<{ key: string; value: string }>();
  return datasetMetaOf(Object.fromEntries(results.map((r) => [r.key, r.value])));
}

/** The facts, as a plan to read together with a page's other first reads (json-rows.ts). */
export function datasetMetaPlan(): Plan<DatasetMeta> {
  return {
    read: { sql: "SELECT key, value FROM dataset_meta", params: [], columns: ["key", "value"] },
    shape: (rows) =>
      datasetMetaOf(Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]))),
  };
}

/** The facts from dataset_meta's rows, as key → value. */
export function datasetMetaOf(values: Record<string, string>): DatasetMeta {
  const get = (key: string) => values[key] ?? null;
  return {
    sampleData: get("sample_data") === "true",
    lastUpdated: get("last_updated"),
    firstPeriod: get("first_period"),
    latestPeriod: get("latest_period"),
    sourceNote: get("source_note"),
  };
}

/**
 * Marks the live data as changed at `at`: live dataset downloads are versioned (ETag,
 * cached export sizes) by last_updated, so every write to a dataset's tables adds this
 * statement to its batch. Never moves backwards.
 */
export function touchLastUpdated(db: D1Database, at: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO dataset_meta (key, value) VALUES ('last_updated', ?1)
       ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`,
    )
    .bind(at);
}

/** The live data's version: when any dataset was last written (null before the first). */
export async function readLastUpdated(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare("SELECT value FROM dataset_meta WHERE key = 'last_updated'")
    .first<{ value: string }>();
  return row?.value ?? null;
}

/**
 * What the kept pages (src/services/page-cache.ts) are versioned by: the live data's
 * version, and the moment the last bulk-file build finished (bulk_built, written by
 * recordBuildFinished), since /data links the newest release's files. Null before any data.
 */
export async function readPageVersion(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT (SELECT value FROM dataset_meta WHERE key = 'last_updated') AS data,
              (SELECT value FROM dataset_meta WHERE key = 'bulk_built') AS bulk`,
    )
    .first<{ data: string | null; bulk: string | null }>();
  if (!row?.data) return null;
  return row.bulk ? `${row.data}|bulk:${row.bulk}` : row.data;
}
