/** src/components/rankings/ranking-text.ts: the words of league-table sentences. */
import { describe, expect, it } from "vitest";
import { countOfLevel } from "../../../../src/components/rankings/ranking-text.ts";

describe("counts of regions in league-table sentences", () => {
  it("uses the singular for one in English and the measure word in Chinese", () => {
    expect(countOfLevel(1, "county", "en")).toBe("1 county");
    expect(countOfLevel(7, "county", "en")).toBe("7 counties");
    expect(countOfLevel(1, "city", "en")).toBe("1 city");
    expect(countOfLevel(2_140, "township", "en")).toBe("2,140 townships");
    expect(countOfLevel(7, "county", "zh")).toBe("7个县（市、区）");
  });
});
