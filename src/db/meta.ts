/** Facts about the loaded data set (dataset_meta). */

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
  const get = (key: string) => results.find((r) => r.key === key)?.value ?? null;
  return {
    sampleData: get("sample_data") === "true",
    lastUpdated: get("last_updated"),
    firstPeriod: get("first_period"),
    latestPeriod: get("latest_period"),
    sourceNote: get("source_note"),
  };
}
