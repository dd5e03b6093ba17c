/**
 * The upload cases that failed when the site was tried from outside (../shared/cases/uploads,
 * copied to tests/fixtures/uploads/cases with their right results), as the README says to
 * try them: uploaded as the sample clerk of 藤县 (450422) to the built Worker on the sample
 * database, dry run. Plus what the README adds: a real fraction and a code Excel turned into
 * 4.50422E+11 are refused with messages that say what to do, and the clerk can pick the
 * other sheet of a workbook.
 */
import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signInSample, uploadFile, type AdminSession } from "../support/admin-http.ts";
import { corpusEntries, expectUpload } from "../support/upload-expect.ts";

const base = inject("baseUrl");
const DIR = "tests/fixtures/uploads/cases";
const files = Object.fromEntries(
  readdirSync(DIR).map((f) => [f, readFileSync(`${DIR}/${f}`).toString("base64")]),
);
const entries = corpusEntries(files, (b64) => Buffer.from(b64, "base64").toString("utf8"));
const bytes = (file: string) => new Uint8Array(readFileSync(`${DIR}/${file}`));

let clerk: AdminSession;
beforeAll(async () => {
  clerk = await signInSample(base, "clerk");
});

describe("each case gives the right result in its README", () => {
  it("has the six cases", () => {
    expect(entries.map((e) => e.file).sort()).toEqual([
      "dates.xlsx",
      "formula-noise.xlsx",
      "full-width.csv",
      "page-label-status.csv",
      "tab-order.xlsx",
      "title-row-units.csv",
    ]);
  });

  it.each(entries.map((e) => [e.file, e] as const))("%s", async (_, { file, expected }) => {
    expectUpload(file, expected, await uploadFile(clerk, expected.kind, bytes(file), file));
  });

  it("tab-order.xlsx names the sheet read and lets the clerk pick the other", async () => {
    const first = await uploadFile(clerk, "income", bytes("tab-order.xlsx"), "tab-order.xlsx");
    expect(first.body.report).toMatchObject({ sheet: "10月", sheets: ["10月", "9月"] });
    const other = await uploadFile(clerk, "income", bytes("tab-order.xlsx"), "tab-order.xlsx", {
      sheet: "9月",
    });
    expect(other.status).toBe(200);
    expect(other.body.report.sheet).toBe("9月");
    expect(other.body.report.stored).toMatchObject([
      { line: 2, period: "2026-09", total: 100000, reason: "九月报表（旧）" },
    ]);
    const missing = await uploadFile(clerk, "income", bytes("tab-order.xlsx"), "x.xlsx", {
      sheet: "8月",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.detail_zh).toContain("没有名为“8月”的工作表；可选的工作表：10月、9月");
  });

  it("title-row-units.csv: the report says the title row was skipped", async () => {
    const answer = await uploadFile(clerk, "income", bytes("title-row-units.csv"), "t.csv");
    expect(answer.body.report).toMatchObject({
      header_line: 2,
      skipped: [{ line: 1, text: "2026年10月藤县村级集体经济收入统计表" }],
    });
  });
});

describe("what the cases README adds", () => {
  const HEADER = "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明";
  const csv = (row: string) => new TextEncoder().encode(`${HEADER}\r\n${row}\r\n`);

  it("a real fraction is refused", async () => {
    const answer = await uploadFile(
      clerk,
      "income",
      csv("450422104211,2026-10,123456.7,46000,32000,7800,34456.7,3200,"),
      "f.csv",
    );
    expect(answer.status).toBe(422);
    expect(answer.body.report.errors[0].text).toBe(
      "第2行，C列“合计”：“123456.7”不是整数：金额以元为单位，请填到元为止的整数",
    );
  });

  it("a code Excel turned into 4.50422E+11 is refused with how to avoid it", async () => {
    const answer = await uploadFile(
      clerk,
      "income",
      csv("4.50422E+11,2026-10,112000,46000,32000,7800,23000,3200,"),
      "e.csv",
    );
    expect(answer.status).toBe(422);
    const text = answer.body.report.errors[0].text as string;
    expect(text).toContain("第2行，A列“村代码”：“4.50422E+11”是被 Excel 改成科学计数法的代码");
    expect(text).toContain("XLSX 模板");
  });

  it.each(["2026-10", "2026/10", "2026.10", "2026年10月", "202610", "2026/10/1"])(
    "the period %s reads as 2026-10",
    async (period) => {
      const answer = await uploadFile(
        clerk,
        "income",
        csv(`450422104211,${period},112000,46000,32000,7800,23000,3200,核对后重报`),
        "p.csv",
      );
      expect(answer.status).toBe(200);
      expect(answer.body.report.stored).toMatchObject([{ period: "2026-10", total: 112000 }]);
    },
  );
});
