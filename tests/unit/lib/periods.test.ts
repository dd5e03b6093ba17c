import { describe, expect, it } from "vitest";
import { addMonths, isPeriod, periodRange, previousYear } from "../../../src/lib/periods.ts";

describe("periods", () => {
  it("validates YYYY-MM", () => {
    expect(isPeriod("2026-10")).toBe(true);
    expect(isPeriod("2026-13")).toBe(false);
    expect(isPeriod("2026-1")).toBe(false);
  });
  it("moves across year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(previousYear("2026-10")).toBe("2025-10");
    expect(periodRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
