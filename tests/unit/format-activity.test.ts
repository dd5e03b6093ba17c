/** The formatting functions added for projects, problems and targets. */
import { describe, expect, it } from "vitest";
import { formatDays, formatQuantity } from "../../src/lib/format.ts";

describe("formatDays", () => {
  it("writes whole and half days in each language", () => {
    expect(formatDays(40)).toBe("40天");
    expect(formatDays(5.5)).toBe("5.5天");
    expect(formatDays(5.5, "en")).toBe("5.5 days");
    expect(formatDays(1, "en")).toBe("1 day");
    expect(formatDays(1200, "en")).toBe("1,200 days");
  });
  it("shows a dash when there is no median", () => {
    expect(formatDays(null)).toBe("—");
    expect(formatDays(undefined, "en")).toBe("—");
  });
});

describe("formatQuantity", () => {
  it("keeps up to two decimals and the unit as entered", () => {
    expect(formatQuantity(712, "只")).toBe("712只");
    expect(formatQuantity(84.3, "万元")).toBe("84.3万元");
    expect(formatQuantity(1.256, "公里")).toBe("1.26公里");
    expect(formatQuantity(12500, "户", "en")).toBe("12,500 户");
    expect(formatQuantity(null, "只")).toBe("—");
  });
});
