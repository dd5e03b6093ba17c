/**
 * What the open-data catalogue page (/data) shows beside the datasets: the data facts, the
 * provinces and county-level regions covered, and the releases. Loaded before rendering,
 * in one wave of reads (then one for the counties of each province).
 */
import { latestBulkFiles, type BulkFile } from "../db/bulk-files.ts";
import { readDatasetMeta, type DatasetMeta } from "../db/meta.ts";
import { findDescendants, findTopRegions, type Region } from "../db/regions.ts";
import { listReleases } from "../db/releases.ts";

export interface DataModel {
  meta: DatasetMeta;
  provinces: Region[];
  counties: Region[];
  releases: Awaited<ReturnType<typeof listReleases>>;
  /** The bulk files of the newest release whose files are written (none before that). */
  bulk: BulkFile[];
}

export async function loadDataModel(db: D1Database): Promise<DataModel> {
  const [meta, provinces, releases, bulk] = await Promise.all([
    readDatasetMeta(db),
    findTopRegions(db),
    listReleases(db),
    latestBulkFiles(db),
  ]);
  const counties = (
    await Promise.all(provinces.map((p) => findDescendants(db, p.code, "county")))
  ).flat();
  return { meta, provinces, counties, releases, bulk };
}
