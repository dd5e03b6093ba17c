/** Reading uploaded files (CSV in UTF-8/GBK, XLSX) and checking income rows, all errors at once. */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  checkIncomeRows,
  describeError,
  diffIncome,
  INCOME_COLUMNS,
  parseIncomeTable,
} from "../../src/lib/upload/income.ts";
import {
  MAX_ROWS,
  parseCsv,
  readGrid,
  readTable as readTableFor,
  UploadFileError,
} from "../../src/lib/upload/table.ts";
import { buildXlsx } from "../support/xlsx.ts";

const HEADER = "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明";
const utf8 = (s: string) => new TextEncoder().encode(s);

const readTable = (bytes: Uint8Array, name: string) => readTableFor(bytes, name, INCOME_COLUMNS);

async function refusal(fn: () => Promise<unknown>): Promise<UploadFileError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof UploadFileError) return e;
    throw e;
  }
  throw new Error("expected the file to be refused");
}

describe("readTable", () => {
  const csv = `${HEADER}\r\n450422104211,2026-10,100000,40000,30000,7800,20000,2200,黎寨\r\n`;

  it("reads UTF-8 with and without BOM, and GBK, to the same cells", async () => {
    const plain = await readTable(utf8(csv), "a.csv");
    const bom = await readTable(utf8(`\uFEFF${csv}`), "a.csv");
    const gbk = await readTable(new Uint8Array(iconv.encode(csv, "gbk")), "a.csv");
    expect(plain.format).toBe("csv-utf8");
    expect(gbk.format).toBe("csv-gb18030");
    expect(plain.columns.get("village_code")?.letter).toBe("A");
    expect(bom.columns).toEqual(plain.columns);
    expect(gbk.rows).toEqual(plain.rows);
    expect(plain.rows[0]?.line).toBe(2);
    expect(plain.rows[0]?.cells.reason).toBe("黎寨");
  });

  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny"\n1,2,3,4')).toEqual([
      ["a", "b,c", 'say "hi"', "x\ny"],
      ["1", "2", "3", "4"],
    ]);
  });

  it("reads the first sheet of an XLSX", async () => {
    const book = buildXlsx([
      HEADER.split(","),
      ["450422104211", "2026-10", 100000, 40000, 30000, 7800, 20000, 2200, "甲&乙"],
    ]);
    const grid = await readGrid(book, "returns.xlsx");
    expect(grid.format).toBe("xlsx");
    expect(grid.sheet).toBe("Sheet1");
    expect(grid.rows[1]?.cells).toEqual([
      "450422104211",
      "2026-10",
      "100000",
      "40000",
      "30000",
      "7800",
      "20000",
      "2200",
      "甲&乙",
    ]);
  });

  it("refuses UTF-16, a fake XLSX, an old .xls, and too many rows, each with its own message", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(csv, "utf16le"))]);
    expect((await refusal(() => readTable(utf16, "a.csv"))).detailZh).toContain("文件编码无法识别");
    expect((await refusal(() => readTable(utf8(csv), "a.xlsx"))).detailZh).toContain(
      "不是有效的 Excel",
    );
    expect(
      (await refusal(() => readTable(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "a.csv")))
        .detailZh,
    ).toContain("不是有效的 Excel");
    expect(
      (await refusal(() => readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0]), "a.xls")))
        .detailZh,
    ).toContain(".xls");
    const big = `${HEADER}\n${"450422104211,2026-10,0,0,0,0,0,0,\n".repeat(MAX_ROWS + 1)}`;
    const tooMany = await refusal(() => readTable(utf8(big), "a.csv"));
    expect(tooMany.status).toBe(413);
    expect(tooMany.detailZh).toContain(`超过每次上传 ${MAX_ROWS} 行的上限`);
    expect(
      (await refusal(() => readTable(new Uint8Array(2 * 1024 * 1024 + 1), "a.csv"))).status,
    ).toBe(413);
  });
});

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

describe("files as clerks send them", () => {
  const read = (text: string) => readTable(utf8(text), "a.csv");

  it("a unit noted above the header converts the money columns that name none", async () => {
    const table = await read(
      [
        "2026年10月村级集体经济收入统计表,,,,,,,,",
        "单位：万元,,,,,,,,",
        "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入（元）,说明",
        "450422104211,2026-10,11.2,4.6,3.2,0.78,2.3,3200,",
      ].join("\n"),
    );
    const { rows, errors } = parseIncomeTable(table);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      total: 112000,
      operating: 46000,
      investment: 7800,
      other: 3200,
    });
    expect(table.notes).toEqual([
      "第 2 行注明金额单位为“万元”：表头未写单位的金额列已按万元换算为元。",
    ]);
  });

  it("skips total rows and the signature lines under the table, and says so", async () => {
    const table = await read(
      [
        HEADER,
        "450422104211,2026-10,100000,40000,30000,7800,20000,2200,",
        "合计,2026-10,100000,40000,30000,7800,20000,2200,",
        "填表人：张三　　审核人：李四,,,,,,,,",
        "注：本表为年内累计数,,,,,,,,",
      ].join("\n"),
    );
    const { rows, errors } = parseIncomeTable(table);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(table.notes).toEqual([
      "第 3 行是合计行（“合计 2026-10 100000 40000 30000 7800 20000…”），不是数据，已跳过。",
      "第 4 行是表下的落款或注释（“填表人：张三　　审核人：李四”），不是数据，已跳过。",
      "第 5 行是表下的落款或注释（“注：本表为年内累计数”），不是数据，已跳过。",
    ]);
  });

  it("an empty required cell says so; a leading ' and a ¥ are not part of the value", async () => {
    const { rows, errors } = parseIncomeTable(
      await read(
        [
          HEADER,
          ",2026-10,100000,40000,30000,7800,20000,2200,",
          "'450422104211,'2026-10,\"¥100,000\",40000,30000,7800,20000,2200,",
        ].join("\n"),
      ),
    );
    expect(errors.map((e) => describeError(e))).toEqual([
      "第2行，A列“村代码”：不能为空：请填写“村代码”",
    ]);
    expect(rows).toMatchObject([
      { line: 3, village_code: "450422104211", period: "2026-10", total: 100000 },
    ]);
  });
});
