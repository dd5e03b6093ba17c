/**
 * Cells as people see them (src/lib/upload/normalise.ts): periods, dates, codes and money as
 * Excel, WPS and LibreOffice store what a clerk typed.
 */
import { describe, expect, it } from "vitest";
import {
  excelNumberText,
  normaliseCell,
  parseDate,
  parsePeriod,
  shiftDecimal,
} from "../../../../src/lib/upload/normalise.ts";

const value = (r: ReturnType<typeof normaliseCell>) => (r.ok ? r.value : `ERROR ${r.message}`);

describe("periods", () => {
  it.each([
    ["2026-10", "2026-10"],
    ["2026/10", "2026-10"],
    ["2026.10", "2026-10"],
    ["2026年10月", "2026-10"],
    ["2026年1月", "2026-01"],
    ["202610", "2026-10"],
    ["2026/10/1", "2026-10"],
    ["2026-10-01", "2026-10"],
    ["２０２６－１０", "2026-10"],
    ["２０２６／１０", "2026-10"],
    ["２０２６．１０", "2026-10"],
    [" 2026 年 10 月 ", "2026-10"],
  ])("%s is %s", (input, period) => {
    expect(value(normaliseCell("period", input))).toBe(period);
  });

  it.each(["2026-13", "2026-00", "2026/2/30", "10/2026", "abc", "20261"])(
    "%s is refused, showing the value as seen",
    (input) => {
      const r = normaliseCell("period", input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`“${input}”不是统计期`);
    },
  );

  it("2026.1 is refused: it is what a spreadsheet stores for 2026.10 as well as for January", () => {
    const r = normaliseCell("period", "2026.1");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("“2026.1”分不清是2026年1月还是10月");
    expect(value(normaliseCell("period", "2026.2"))).toBe("2026-02");
    expect(value(normaliseCell("period", "2026.01"))).toBe("2026-01");
  });

  it("a day serial without its date format says what it is", () => {
    const r = normaliseCell("period", "46296");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("Excel 的日期序号（对应 2026-10-01）");
  });

  it("parsePeriod and parseDate agree with the calendar", () => {
    expect(parsePeriod("2024/2/29")).toBe("2024-02");
    expect(parsePeriod("2025/2/29")).toBeNull();
    expect(parseDate("2026年11月15日")).toBe("2026-11-15");
    expect(parseDate("20261115")).toBe("2026-11-15");
    expect(parseDate("2026-11")).toBeNull();
  });
});

describe("money", () => {
  it("takes numbers as Excel shows them: 15 significant digits", () => {
    expect(excelNumberText("124600.00000000001")).toBe("124600");
    expect(excelNumberText(String(12.46 * 10000))).toBe("124600");
    expect(excelNumberText("123456.7")).toBe("123456.7");
    expect(excelNumberText("450422104211")).toBe("450422104211");
    expect(excelNumberText("0.30000000000000004")).toBe("0.3");
  });

  it("accepts thousands separators, full-width digits and spaces", () => {
    expect(value(normaliseCell("yuan", "112,000"))).toBe("112000");
    expect(value(normaliseCell("yuan", "１１２，０００"))).toBe("112000");
    expect(value(normaliseCell("yuan", " 1 120 00 "))).toBe("112000");
    expect(value(normaliseCell("yuan", "112000.00"))).toBe("112000");
    expect(value(normaliseCell("yuan", "112000元"))).toBe("112000");
  });

  it("converts a header unit exactly, with no binary noise", () => {
    expect(shiftDecimal("12.46", 4)).toBe("124600");
    expect(shiftDecimal("0.0001", 4)).toBe("1");
    expect(shiftDecimal("12.345678", 4)).toBe("123456.78");
    expect(shiftDecimal("-1.5", 4)).toBe("-15000");
    expect(value(normaliseCell("yuan", "12.46", 4))).toBe("124600");
    expect(value(normaliseCell("yuan", "1,234.5", 4))).toBe("12345000");
  });

  it("refuses a real fraction, before or after conversion, and negatives", () => {
    expect(value(normaliseCell("yuan", "123456.7"))).toMatch(/^ERROR “123456.7”不是整数/);
    expect(value(normaliseCell("yuan", "12.345678", 4))).toMatch(
      /^ERROR “12.345678”万元，即 123456.78 元，不是整数/,
    );
    expect(value(normaliseCell("yuan", "-5"))).toMatch(/负数/);
    expect(value(normaliseCell("yuan", "12万"))).toMatch(/^ERROR “12万”不是数字/);
  });
});

describe("codes", () => {
  it('NFKC, spaces, Excel\'s ="…" and a trailing .0', () => {
    expect(value(normaliseCell("code", "４５０４２２１０４２１１"))).toBe("450422104211");
    expect(value(normaliseCell("code", "450422 104211"))).toBe("450422104211");
    expect(value(normaliseCell("code", '="450422104211"'))).toBe("450422104211");
    expect(value(normaliseCell("code", "450422104211.0"))).toBe("450422104211");
  });

  it("a code in scientific notation is refused with how to avoid it", () => {
    const r = normaliseCell("code", "4.50422E+11", 0, "村代码");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("“4.50422E+11”是被 Excel 改成科学计数法的代码");
      expect(r.message).toContain("无法还原");
      expect(r.message).toContain("“村代码”列设为“文本”格式");
      expect(r.message).toContain("XLSX 模板");
    }
  });

  it("free text keeps its typography", () => {
    expect(value(normaliseCell("text", "  （一）核对后重报　"))).toBe("（一）核对后重报");
  });
});
