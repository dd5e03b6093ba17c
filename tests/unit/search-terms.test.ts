import { describe, expect, it } from "vitest";
import {
  parseQuery,
  pathSegments,
  readings,
  readPath,
  searchTerms,
  subtreeRowidRanges,
  toSimplified,
} from "../../src/lib/search-terms.ts";

const PLACES = [
  { code: "4504", name: "梧州市" },
  { code: "450422", name: "藤县" },
  { code: "450422104", name: "平安镇" },
  { code: "4505", name: "北海市" },
];

describe("search terms", () => {
  it("reads traditional characters as simplified, and leaves simplified text alone", () => {
    expect(toSimplified("梧州市藤縣黎寨村委會")).toBe("梧州市藤县黎寨村委会");
    expect(toSimplified("藤县 lizhai 450422")).toBe("藤县 lizhai 450422");
    expect(parseQuery("藤 縣")).toEqual({ kind: "text", term: "藤县" });
  });

  it("indexes polyphonic names by their other readings, the suffix read one way", () => {
    expect(readings("都昌")).toEqual(["douchang", "duchang"]);
    const { names } = searchTerms("乐亭县");
    expect(names).toEqual(expect.arrayContaining(["laoting", "laotingxian", "leting"]));
    expect(names).not.toContain("letingxuan");
    expect(searchTerms("单县").names).toEqual(expect.arrayContaining(["shanxian", "danxian"]));
    expect(readings("和和和和").length).toBeLessThanOrEqual(8);
  });

  it("lists the segments a path query may name, only for Chinese of three characters or more", () => {
    expect(pathSegments("藤县黎")).toEqual(["藤县", "藤县黎", "县黎"]);
    expect(pathSegments("藤县")).toEqual([]);
    expect(pathSegments("tengxian")).toEqual([]);
  });

  it("reads a path of places, each within the one before", () => {
    expect(readPath("梧州市藤县", PLACES)).toEqual({ codes: ["450422"], depth: 2, rest: "" });
    expect(readPath("梧州藤县", PLACES)).toEqual({ codes: ["450422"], depth: 2, rest: "" });
    expect(readPath("藤县黎寨", PLACES)).toEqual({ codes: ["450422"], depth: 1, rest: "黎寨" });
    expect(readPath("梧州市藤县平安", PLACES)).toEqual({
      codes: ["450422104"],
      depth: 3,
      rest: "",
    });
    // 藤县 is not in 北海市: the path stops at 北海.
    expect(readPath("北海藤县", PLACES)).toEqual({ codes: ["4505"], depth: 1, rest: "藤县" });
    // A single place, or a place and a bare suffix, is an ordinary search.
    expect(readPath("梧州市", PLACES)).toBeNull();
    expect(readPath("平安村", PLACES)).toBeNull();
    expect(readPath("黎寨村", PLACES)).toBeNull();
  });

  it("gives the index rowid ranges below a place, level by level", () => {
    expect(subtreeRowidRanges("450422")).toEqual([
      [450422000, 450422999],
      [450422000000, 450422999999],
    ]);
    expect(subtreeRowidRanges("450422104211")).toEqual([]);
  });
});
