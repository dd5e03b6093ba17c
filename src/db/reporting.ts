/** Who reported: the village committees of a subtree and their monthly income returns. */
import { subtreeRange } from "../lib/codes.ts";
import { returnsAsOf } from "./as-of.ts";

/**
 * The village committees of a region's subtree with no income return for `period`, as the
 * data stood at `asOf` (a release's freeze moment; null: live), in code order.
 */
export async function findVillagesNotReporting(
  db: D1Database,
  code: string,
  period: string,
  asOf: string | null,
): Promise<{ code: string; name: string }[]> {
  const [low, high] = subtreeRange(code);
  const { results } = await db
    .prepare(
      `SELECT r.code, r.name FROM regions r
       WHERE r.code >= ?1 AND r.code < ?2 AND r.kind = 'village_committee'
         AND NOT EXISTS (SELECT 1 FROM income_returns i WHERE i.village_code = r.code
                         AND i.period = ?3 AND ${returnsAsOf("i", asOf ? "?4" : null)})
       ORDER BY r.code`,
    )
    .bind(...(asOf ? [low, high, period, asOf] : [low, high, period]))
    .all<{ code: string; name: string }>();
  return results;
}
