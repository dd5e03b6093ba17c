/**
 * Right after a release is published, the Cron Trigger measures the downloads /data offers
 * for it (each whole dataset, with a BOM), so that the first reader of a new release does
 * not wait for the measuring pass (about 25 s for the national village-income file). A
 * failure is logged and harmless: the first download then measures instead.
 */
import { findRelease } from "../db/releases.ts";
import { DATASETS } from "../lib/datasets.ts";
import { dataStamp } from "../lib/build.ts";
import { exportSize, exportSizeKey } from "./dataset-export.ts";

export async function measureReleaseExports(
  db: D1Database,
  releaseIds: readonly number[],
): Promise<number> {
  let measured = 0;
  for (const id of releaseIds) {
    const release = await findRelease(db, id);
    const at = release?.published_at;
    if (!at) continue;
    for (const def of DATASETS) {
      try {
        // The same key the download route uses: a release's version is its freeze moment.
        await exportSize(
          db,
          def,
          { asOf: at },
          exportSizeKey(def.name, { bom: true }, dataStamp(at, null)),
          {
            bom: true,
          },
        );
        measured++;
      } catch (error) {
        console.error("Could not measure a release download", { dataset: def.name, at }, error);
      }
    }
  }
  return measured;
}
