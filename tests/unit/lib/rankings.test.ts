/** src/lib/rankings.ts: league-table ranking (比武榜). */
import { describe, expect, it } from "vitest";
import { indicatorsFromRollup, rollupReturns } from "../../../src/lib/indicators.ts";
import {
  competitionRanks,
  markCounts,
  rankingFigure,
  rankLeague,
} from "../../../src/lib/rankings.ts";

describe("competition ranking", () => {
  it("gives tied values one rank and skips the next (1224)", () => {
    expect(competitionRanks([5, 9, 7, 9, null], "higher")).toEqual([4, 1, 3, 1, null]);
    expect(competitionRanks([5, 9, 7, 9], "lower")).toEqual([1, 3, 2, 3]);
  });

  it("marks the top 20% and bottom 10%, rounded up, ties included", () => {
    expect(markCounts(10)).toEqual({ champions: 2, calledIn: 1 });
    expect(markCounts(7)).toEqual({ champions: 2, calledIn: 1 });
    expect(markCounts(11)).toEqual({ champions: 3, calledIn: 2 });
    const values = [10, 9, 9, 8, 7, 6, 5, 4, 3, 3];
    const league = rankLeague(
      values.map((v, i) => ({ code: `c${i}`, value: v, previous: null })),
      "higher",
    );
    const marks = Object.fromEntries(league.rows.map((r) => [r.code, r.mark]));
    // 2 champions: c0 (rank 1) and c1, c2 tied at rank 2 — both in.
    expect([marks.c0, marks.c1, marks.c2, marks.c3]).toEqual([
      "champion",
      "champion",
      "champion",
      null,
    ]);
    // 1 called in: c8 and c9 tie for last — both called in.
    expect([marks.c7, marks.c8, marks.c9]).toEqual([null, "called_in", "called_in"]);
  });

  it("leaves unranked regions last and marks nobody in a league of one or of equals", () => {
    const one = rankLeague([{ code: "a", value: 1, previous: null }], "higher");
    expect(one.rows[0]?.mark).toBeNull();
    const equal = rankLeague(
      ["a", "b", "c"].map((code) => ({ code, value: 0.5, previous: null })),
      "higher",
    );
    expect(equal.rows.map((r) => [r.rank, r.mark])).toEqual([
      [1, null],
      [1, null],
      [1, null],
    ]);
    const gaps = rankLeague(
      [
        { code: "b", value: null, previous: 3 },
        { code: "a", value: 2, previous: 1 },
      ],
      "higher",
    );
    expect(gaps.rows.map((r) => r.code)).toEqual(["a", "b"]);
    expect(gaps.ranked).toBe(1);
  });

  it("gives the change in value and in places since the previous period", () => {
    const league = rankLeague(
      [
        { code: "a", value: 0.5, previous: 0.7 },
        { code: "b", value: 0.6, previous: 0.4 },
        { code: "c", value: 0.4, previous: null },
      ],
      "higher",
    );
    const byCode = Object.fromEntries(league.rows.map((r) => [r.code, r]));
    expect(byCode.b).toMatchObject({ rank: 1, previousRank: 2, rankChange: 1 });
    expect(byCode.b?.change).toBeCloseTo(0.2, 12);
    expect(byCode.a).toMatchObject({ rank: 2, previousRank: 1, rankChange: -1 });
    expect(byCode.c).toMatchObject({ rank: 3, previousRank: null, rankChange: null, change: null });
  });

  it("ranks weak villages by their share, lower first", () => {
    const returns = [0, 30_000, 200_000].map((total, i) => ({
      village_code: `v${i}`,
      total,
      operating: total,
      contracting: 0,
      investment: 0,
      subsidy: 0,
      other: 0,
      first_recorded_at: "2026-11-10T02:00:00Z",
    }));
    const figure = rankingFigure(
      indicatorsFromRollup(rollupReturns("2026-10", 4, returns, new Map())),
      "weak_share",
    );
    expect(figure).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });
});
