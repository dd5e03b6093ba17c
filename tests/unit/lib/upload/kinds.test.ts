/** The wrong kind of upload, told from its header (src/lib/upload/kinds.ts). */
import { describe, expect, it } from "vitest";
import { INCOME_COLUMNS } from "../../../../src/lib/upload/income.ts";
import { likelyKind, wrongKindNote } from "../../../../src/lib/upload/kinds.ts";

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
