/** Checking income rows (src/lib/upload/income.ts), all errors at once, and diffing them. */
import { describe, expect, it } from "vitest";
import {
  checkIncomeRows,
  describeError,
  diffIncome,
  parseIncomeTable,
} from "../../../../src/lib/upload/income.ts";
import { HEADER, readTable } from "../../support/income-upload.ts";
import { utf8 } from "../../support/text.ts";

describe("income rows", () => {
  const table = (lines: string[]) => readTable(utf8([HEADER, ...lines].join("\n")), "a.csv");

  it("reports every bad cell at once, naming line, column letter and header", async () => {
    const { rows, errors } = parseIncomeTable(
      await table([
        "450422104211,2026-10,100000,40000,30000,7800,20000,2200,", // good: line 2
        "45042210421,2026-10,0,0,0,0,0,0,", // short code
        "450422104212,2026-13,0,0,0,0,0,0,", // bad month
        "450422104213,2026-10,-5,0,0,0,0,0,", // negative
        "450422104213,2026-09,10.5,0,0,0,0,0,", // not an integer
        "450422104213,2026-08,100,50,0,0,0,0,", // identity broken
        "450422104211,2026-10,100000,40000,30000,7800,20000,2200,", // duplicate of line 2
      ]),
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    const text = errors.sort((a, b) => a.line - b.line).map((e) => describeError(e));
    expect(text).toEqual([
      expect.stringMatching(/^第3行，A列“村代码”：“45042210421”不是12位村级区划代码/),
      expect.stringMatching(/^第4行，B列“统计期”：“2026-13”不是统计期/),
      expect.stringMatching(/^第5行，C列“合计”：“-5”是负数/),
      expect.stringMatching(/^第6行，C列“合计”：“10.5”不是整数/),
      expect.stringMatching(/^第7行，C列“合计”：合计 100 不等于五项收入之和 50/),
      expect.stringMatching(/^第8行，A列“村代码”：与第2行重复/),
    ]);
  });

  it("names each missing column", async () => {
    const { errors } = parseIncomeTable(
      await readTable(utf8("村代码,统计期,合计\n1,2,3"), "a.csv"),
    );
    expect(errors.map((e) => e.column)).toEqual([
      "经营收入",
      "发包及上交收入",
      "投资收益",
      "补助收入",
      "其他收入",
    ]);
    expect(describeError(errors[0]!)).toMatch(/^表头：缺少“经营收入”列/);
  });

  it("checks codes, scope, communities, future periods and falling year-to-date figures", async () => {
    const { rows } = parseIncomeTable(
      await table([
        "450422104211,2026-10,90000,40000,30000,0,20000,0,", // falls below September's 100,000
        "450422104212,2026-10,90000,40000,30000,0,20000,0,更正冲减", // falls, with a reason
        "450422104001,2026-10,0,0,0,0,0,0,", // a community
        "999999999201,2026-10,0,0,0,0,0,0,", // unknown
        "450422105201,2026-10,0,0,0,0,0,0,", // outside the clerk's township
        "450422104213,2027-01,0,0,0,0,0,0,", // not yet
      ]),
    );
    const stored = (total: number, id: number) => ({
      id,
      total,
      operating: total,
      contracting: 0,
      investment: 0,
      subsidy: 0,
      other: 0,
    });
    const errors = checkIncomeRows(rows, {
      scope: "450422104",
      kinds: new Map([
        ["450422104211", "village_committee"],
        ["450422104212", "village_committee"],
        ["450422104213", "village_committee"],
        ["450422104001", "community"],
        ["450422105201", "village_committee"],
      ]),
      current: new Map([
        ["450422104211|2026-09", stored(100_000, 1)],
        ["450422104212|2026-09", stored(100_000, 2)],
      ]),
      latestPeriod: "2026-11",
    });
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "合计"],
      [4, "村代码"],
      [5, "村代码"],
      [6, "村代码"],
      [7, "统计期"],
    ]);
    expect(errors[0]?.message).toContain("累计数 90000 比 2026-09 的 100000 少");
    expect(errors[1]?.message).toContain("城镇社区");
    expect(errors[2]?.message).toContain("不存在");
    expect(errors[3]?.message).toContain("不在您负责的地区");
  });

  it("diffs against stored returns: new, revised, unchanged", async () => {
    const { rows } = parseIncomeTable(
      await table([
        "450422104211,2026-10,100000,40000,30000,7800,20000,2200,",
        "450422104212,2026-10,50,50,0,0,0,0,",
        "450422104213,2026-10,7,7,0,0,0,0,",
      ]),
    );
    const same = {
      id: 1,
      total: 100000,
      operating: 40000,
      contracting: 30000,
      investment: 7800,
      subsidy: 20000,
      other: 2200,
    };
    const diff = diffIncome(
      rows,
      new Map([
        ["450422104211|2026-10", same],
        [
          "450422104212|2026-10",
          { id: 2, total: 40, operating: 40, contracting: 0, investment: 0, subsidy: 0, other: 0 },
        ],
      ]),
    );
    expect(diff.unchanged.map((r) => r.village_code)).toEqual(["450422104211"]);
    expect(diff.revised.map((r) => [r.row.village_code, r.before.total, r.row.total])).toEqual([
      ["450422104212", 40, 50],
    ]);
    expect(diff.added.map((r) => r.village_code)).toEqual(["450422104213"]);
  });
});
