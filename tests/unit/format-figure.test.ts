/** Figures by indicator and China-time date-times, as bulletins and the calendar show them. */
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatIndicator,
  formatIndicatorBasis,
  toChinaLocalInput,
} from "../../src/lib/format.ts";

describe("formatIndicator", () => {
  it("formats each kind of indicator", () => {
    expect(formatIndicator("income_total", { value: 1_620_000 })).toBe("162.00万元");
    expect(formatIndicator("income_total", { value: 250_000_000 })).toBe("2.50亿元");
    expect(formatIndicator("reporting", { value: 2436, numerator: 2436, denominator: 2500 })).toBe(
      "2,436",
    );
    expect(
      formatIndicator("share_ge_30w", { value: 0.582, numerator: 1418, denominator: 2436 }),
    ).toBe("58.2%");
    expect(formatIndicator("yoy_growth", { value: 0.0833 })).toBe("+8.3%");
    expect(formatIndicator("yoy_growth", { value: -0.021 })).toBe("−2.1%");
    expect(formatIndicator("coverage", { value: null })).toBe("—");
  });

  it("states the basis of ratios", () => {
    expect(
      formatIndicatorBasis("share_ge_30w", { value: 0.582, numerator: 1418, denominator: 2436 }),
    ).toBe("1,418 / 2,436个村");
    expect(formatIndicatorBasis("income_total", { value: 1 })).toBe("");
  });
});

describe("formatDateTime", () => {
  it("shows China Standard Time", () => {
    expect(formatDateTime("2026-12-20T02:00:00Z")).toBe("2026年12月20日 10:00");
    expect(formatDateTime("2026-12-31T16:30:00Z")).toBe("2027年1月1日 00:30");
    expect(formatDateTime(null)).toBe("—");
    expect(toChinaLocalInput("2026-12-20T02:00:00Z")).toBe("2026-12-20T10:00");
  });
});
