/** Upload cells (src/lib/upload/cells.ts) accept every label the site shows, and nothing else. */
import { describe, expect, it } from "vitest";
import { choice } from "../../../../src/lib/upload/cells.ts";
import { labels } from "../../../../src/lib/vocabulary.ts";
import { VOCABULARY_NAMES as NAMES } from "../../support/vocabulary.ts";

describe("choice (upload cells)", () => {
  it("accepts every label the site shows and stores the key", () => {
    for (const name of NAMES) {
      const cell = choice(name, "值");
      for (const lang of ["zh", "en"] as const)
        for (const [key, shown] of Object.entries(labels(name, lang)))
          expect(cell.parse(shown), `${name}: ${shown}`).toBe(key);
    }
    expect(choice("project_status", "项目状态").parse("已完工")).toBe("completed");
    expect(choice("target_status", "目标状态").parse("正常推进")).toBe("on_track");
  });

  it("refuses anything else, showing the value as given and the accepted labels", () => {
    const parsed = choice("project_status", "项目状态").safeParse("已竣工");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      "“已竣工”不是有效的项目状态，应为：计划中、在建、已完工、暂停",
    ]);
  });
});
