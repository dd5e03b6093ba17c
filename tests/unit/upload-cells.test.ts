/**
 * Cells as people see them: periods, dates, codes and money as Excel, WPS and LibreOffice
 * store what a clerk typed, and the header found where it is, with its units.
 */
import { describe, expect, it } from "vitest";
import { locateHeader, headerName } from "../../src/lib/upload/header.ts";
import { INCOME_COLUMNS } from "../../src/lib/upload/income.ts";
import { likelyKind, wrongKindNote } from "../../src/lib/upload/kinds.ts";
import {
  excelNumberText,
  normaliseCell,
  parseDate,
  parsePeriod,
  shiftDecimal,
} from "../../src/lib/upload/normalise.ts";
import {
  percentStyles,
  withCellReferences,
  withPercentsAsShown,
} from "../../src/lib/upload/xlsx.ts";

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

describe("the header where it is", () => {
  const header = INCOME_COLUMNS.map((c) => c.zh);
  const row = (line: number, cells: string[]) => ({ line, cells });

  it("skips a title row and blank rows above it, and reports them", () => {
    const found = locateHeader(
      [
        row(1, ["2026年10月藤县村级集体经济收入统计表"]),
        row(3, ["填表单位：埌南镇"]),
        row(4, header),
      ],
      INCOME_COLUMNS,
    );
    expect(found.errors).toEqual([]);
    expect(found.line).toBe(4);
    expect(found.skipped).toEqual([
      { line: 1, text: "2026年10月藤县村级集体经济收入统计表" },
      { line: 3, text: "填表单位：埌南镇" },
    ]);
    expect(found.columns.get("other")?.letter).toBe("H");
  });

  it("matches names with units, line breaks, spaces and required marks", () => {
    expect(headerName("合计\n（元）")).toEqual({ name: "合计", unit: "元" });
    expect(headerName("* 村 代 码")).toEqual({ name: "村代码", unit: null });
    expect(headerName("合计(万元)")).toEqual({ name: "合计", unit: "万元" });
    expect(headerName("合计【元】")).toEqual({ name: "合计", unit: "元" });
    const found = locateHeader(
      [
        row(1, [
          "村代码",
          "统计期\n（年-月）",
          "合计（万元）",
          "经营收入（元）",
          "发包及上交收入 (元)",
          "投资收益",
          "补助收入",
          "其他收入",
          "说明",
          "备注",
        ]),
      ],
      INCOME_COLUMNS,
    );
    expect(found.errors).toEqual([]);
    expect(found.columns.get("total")?.power).toBe(4);
    expect(found.columns.get("operating")?.power).toBe(0);
    expect(found.ignored).toEqual([{ letter: "J", header: "备注", reason: "不是本类上传的列" }]);
  });

  it("refuses a money unit it cannot read, and names a repeated column", () => {
    const found = locateHeader(
      [row(1, [...header.slice(0, 2), "合计（美元）", ...header.slice(3), "合计"])],
      INCOME_COLUMNS,
    );
    expect(found.errors.map((e) => e.message)).toEqual([
      "表头“合计（美元）”的单位“美元”无法识别：金额请以元或万元为单位",
    ]);
    const repeated = locateHeader([row(1, [...header, "合计（万元）"])], INCOME_COLUMNS);
    expect(repeated.ignored).toEqual([
      { letter: "J", header: "合计（万元）", reason: "与C列“合计”重复，只读取C列" },
    ]);
  });

  it("names the missing columns against the best row", () => {
    const found = locateHeader(
      [row(1, ["标题"]), row(2, ["村代码", "统计期", "合计"])],
      INCOME_COLUMNS,
    );
    expect(found.line).toBe(2);
    expect(found.errors.map((e) => e.column)).toEqual([
      "经营收入",
      "发包及上交收入",
      "投资收益",
      "补助收入",
      "其他收入",
    ]);
  });
});

describe("sheets without cell references", () => {
  it("fills in the r of rows and cells that leave it out, keeping those that have it", () => {
    expect(
      withCellReferences(
        '<sheetData><row><c t="s"><v>0</v></c><c><v>1</v></c></row><row/>' +
          '<row r="5"><c r="C5"><v>2</v></c><c t="inlineStr"><is><t>a&lt;c&gt;</t></is></c><c/></row>' +
          "<x:row><x:c><x:v>3</x:v></x:c></x:row></sheetData>",
      ),
    ).toBe(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"/>' +
        '<row r="5"><c r="C5"><v>2</v></c><c r="D5" t="inlineStr"><is><t>a&lt;c&gt;</t></is></c><c r="E5"/></row>' +
        '<x:row r="6"><x:c r="A6"><x:v>3</x:v></x:c></x:row></sheetData>',
    );
  });
});

describe("percentages as shown", () => {
  const styles =
    '<styleSheet><numFmts><numFmt numFmtId="166" formatCode="0%"/><numFmt numFmtId="167" formatCode="0&quot;%&quot;"/></numFmts>' +
    '<cellStyleXfs><xf numFmtId="9"/></cellStyleXfs>' +
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="167"/></cellXfs></styleSheet>';

  it("finds the cell styles that show a percentage, not a quoted % sign", () => {
    expect([...percentStyles(styles)]).toEqual([1, 2]);
  });

  it("multiplies those cells' numbers by 100, to 15 significant digits, and nothing else", () => {
    const percent = percentStyles(styles);
    expect(
      withPercentsAsShown(
        '<c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.555</v></c><c r="C1" s="1" t="s"><v>3</v></c>' +
          '<c r="D1" s="0"><v>0.6</v></c><c r="E1" s="3"><v>60</v></c><c r="F1" s="1"/>',
        percent,
      ),
    ).toBe(
      '<c r="A1" s="1"><v>100</v></c><c r="B1" s="2"><v>55.5</v></c><c r="C1" s="1" t="s"><v>3</v></c>' +
        '<c r="D1" s="0"><v>0.6</v></c><c r="E1" s="3"><v>60</v></c><c r="F1" s="1"/>',
    );
  });
});

describe("the wrong kind of upload", () => {
  it("names the kind a header belongs to", () => {
    expect(likelyKind(["项目编号", "报告日期", "进度", "累计投资", "状态", "说明"], "income")).toBe(
      "projects",
    );
    expect(
      wrongKindNote(
        INCOME_COLUMNS.map((c) => c.zh),
        "projects",
      ),
    ).toBe("这个文件的表头是“集体经济收入月报”的，而不是“项目进展”：是否选错了“数据类型”？");
    expect(likelyKind(["村代码", "备注"], "income")).toBeNull();
  });
});
