/**
 * The rollups the API serves equal a direct recomputation from the raw returns, for a
 * sample of regions at every level and several periods. The expected figures are computed
 * here with plain SQL and arithmetic, not with the app's indicator code.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseSync } from "node:sqlite";
import { openSampleDatabase } from "../support/sample-db.ts";

let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});

interface Raw {
  villages: number;
  totals: number[];
  subsidy: number;
  matchedNow: number;
  matchedBefore: number;
  matched: number;
}

function yearBefore(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

function recompute(code: string, period: string): Raw {
  const villages = db
    .prepare(
      `SELECT count(*) AS n FROM regions
       WHERE kind = 'village_committee' AND substr(code, 1, length(?)) = ?`,
    )
    .get(code, code) as { n: number };
  const rows = db
    .prepare(
      `SELECT i.total, i.subsidy, p.total AS before
       FROM income_returns i JOIN regions r ON r.code = i.village_code
       LEFT JOIN income_returns p ON p.village_code = i.village_code AND p.period = ?
         AND p.superseded_at IS NULL
       WHERE r.kind = 'village_committee' AND substr(i.village_code, 1, length(?)) = ?
         AND i.period = ? AND i.superseded_at IS NULL`,
    )
    .all(yearBefore(period), code, code, period) as {
    total: number;
    subsidy: number;
    before: number | null;
  }[];
  const matched = rows.filter((r) => r.before !== null);
  return {
    villages: villages.n,
    totals: rows.map((r) => r.total).sort((a, b) => a - b),
    subsidy: rows.reduce((s, r) => s + r.subsidy, 0),
    matchedNow: matched.reduce((s, r) => s + r.total, 0),
    matchedBefore: matched.reduce((s, r) => s + (r.before ?? 0), 0),
    matched: matched.length,
  };
}

/** One region per level, plus a few picked by a fixed rule from the loaded data. */
function sampleRegions(): string[] {
  const picked = db
    .prepare(
      `SELECT code FROM regions WHERE kind <> 'community'
       AND (code IN ('45', '4504', '450422', '450422104', '450422104211', '1404', '140423')
            OR abs(CAST(substr(code, -3) AS INTEGER)) % 97 = 3)
       ORDER BY code LIMIT 40`,
    )
    .all() as { code: string }[];
  return picked.map((r) => r.code);
}

describe("rollups equal a recomputation from raw returns", () => {
  const base = inject("baseUrl");
  for (const period of ["2026-10", "2025-12", "2022-03", "2021-01"]) {
    it(`for a sample of regions at every level in ${period}`, async () => {
      const codes = sampleRegions();
      const levels = new Set(codes.map((c) => c.length));
      expect([...levels].sort((a, b) => a - b)).toEqual([2, 4, 6, 9, 12]);
      for (const code of codes) {
        const response = await fetch(`${base}/api/v1/regions/${code}/summary?period=${period}`);
        expect(response.status, code).toBe(200);
        const { indicators: i, bands } = (await response.json()) as {
          indicators: Record<
            string,
            { value: number | null; numerator?: number; denominator?: number; sample?: number }
          >;
          bands: { count: number }[];
        };
        const raw = recompute(code, period);
        const n = raw.totals.length;
        const total = raw.totals.reduce((s, t) => s + t, 0);
        const mid = Math.floor(n / 2);
        const median =
          n === 0
            ? null
            : n % 2
              ? raw.totals[mid]
              : ((raw.totals[mid - 1] ?? 0) + (raw.totals[mid] ?? 0)) / 2;
        const atLeast = (min: number) => raw.totals.filter((t) => t >= min).length;
        const label = `${code} ${period}`;
        expect(i.villages?.value, label).toBe(raw.villages);
        expect(i.reporting?.value, label).toBe(n);
        expect(i.income_total?.value, label).toBe(total);
        expect(i.income_median?.value, label).toBe(median);
        expect(i.share_ge_10w?.numerator, label).toBe(atLeast(100_000));
        expect(i.share_ge_30w?.numerator, label).toBe(atLeast(300_000));
        expect(i.share_ge_100w?.numerator, label).toBe(atLeast(1_000_000));
        expect(i.weak_villages?.value, label).toBe(n - atLeast(50_000));
        expect(i.subsidy_share?.numerator, label).toBe(raw.subsidy);
        expect(i.yoy_growth?.numerator, label).toBe(raw.matchedNow);
        expect(i.yoy_growth?.denominator, label).toBe(raw.matchedBefore);
        expect(i.yoy_growth?.sample, label).toBe(raw.matched);
        expect(
          bands.reduce((s, b) => s + b.count, 0),
          label,
        ).toBe(n);
        expect(bands[0]?.count, label).toBe(raw.totals.filter((t) => t === 0).length);
      }
    });
  }
});
