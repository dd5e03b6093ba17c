/** src/lib/i18n.ts: the language of a route, and which paths have English pages. */
import { describe, expect, it } from "vitest";
import { hasEnglish, langOfRoute } from "../../../src/lib/i18n.ts";

describe("langOfRoute", () => {
  it("reads the [...lang] segment: none is Chinese, en English, anything else no page", () => {
    expect(langOfRoute(undefined)).toBe("zh");
    expect(langOfRoute("en")).toBe("en");
    expect(langOfRoute("xx")).toBeNull();
    expect(langOfRoute("en/xx")).toBeNull();
  });
});

describe("hasEnglish", () => {
  it("covers /data and release pages but not other data paths or the back office", () => {
    expect(hasEnglish("/data")).toBe(true);
    expect(hasEnglish("/releases/2026-10")).toBe(true);
    expect(hasEnglish("/releases/2026-1")).toBe(false);
    expect(hasEnglish("/data/datapackage.json")).toBe(false);
    expect(hasEnglish("/admin")).toBe(false);
  });
});
