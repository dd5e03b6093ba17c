/**
 * Reading uploaded files (src/lib/upload/table.ts): CSV in UTF-8/GBK and XLSX, refusals,
 * and files as clerks send them (units noted above the header, total and signature rows).
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { describeError, parseIncomeTable } from "../../../../src/lib/upload/income.ts";
import { MAX_ROWS, parseCsv, readGrid, UploadFileError } from "../../../../src/lib/upload/table.ts";
import { buildXlsx } from "../../../support/xlsx.ts";
import { HEADER, readTable } from "../../support/income-upload.ts";
import { utf8 } from "../../support/text.ts";

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
