/** The header found where it is, with its units (src/lib/upload/header.ts). */
import { describe, expect, it } from "vitest";
import { locateHeader, headerName } from "../../../../src/lib/upload/header.ts";
import { INCOME_COLUMNS } from "../../../../src/lib/upload/income.ts";

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
