/** src/lib/search-terms.ts: the search terms of region names and the reading of queries. */
import { describe, expect, it } from "vitest";
import {
  codeLevels,
  matchExpressions,
  parseQuery,
  pathSegments,
  readings,
  readPath,
  searchTerms,
  shortName,
  subtreeRowidRanges,
  toSimplified,
} from "../../../src/lib/search-terms.ts";

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

  it("strips administrative suffixes sensibly", () => {
    expect(shortName("黎寨村委会")).toBe("黎寨");
    expect(shortName("埌南社区居委会")).toBe("埌南");
    expect(shortName("梧州市")).toBe("梧州");
    expect(shortName("广西壮族自治区")).toBe("广西");
    expect(shortName("恭城瑶族自治县")).toBe("恭城");
    expect(shortName("新华街道办事处")).toBe("新华");
    // Never down to one character: 藤县 stays 藤县.
    expect(shortName("藤县")).toBe("藤县");
    expect(shortName("丙村委会")).toBe("丙村委会");
  });

  it("indexes the name, short name, pinyin, initials and inner suffixes", () => {
    const { names, parts } = searchTerms("黎寨村委会");
    expect(names).toEqual(
      expect.arrayContaining(["黎寨村委会", "黎寨", "lizhaicunweihui", "lizhai", "lzcwh", "lz"]),
    );
    expect(parts).toEqual(["寨", "zhai"]);
    // Polyphones read in context: 长治 is changzhi.
    expect(searchTerms("长治市").names).toContain("changzhi");
    // Every term is one token: letters and digits only.
    for (const t of [...names, ...parts]) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("reads a query as a code prefix or one folded term", () => {
    expect(parseQuery(" 450422 ")).toEqual({ kind: "code", digits: "450422" });
    expect(parseQuery("Li Zhai")).toEqual({ kind: "text", term: "lizhai" });
    expect(parseQuery("ＬＺ")).toEqual({ kind: "text", term: "lz" });
    expect(parseQuery('黎"寨*')).toEqual({ kind: "text", term: "黎寨" });
    expect(parseQuery("·—")).toBeNull();
    expect(parseQuery("1234567890123")).toBeNull();
    expect(matchExpressions("lz")).toEqual({ exact: 'names : "lz"', prefix: '"lz"*' });
  });

  it("turns a code prefix into the levels it can name", () => {
    expect(codeLevels("4504")).toEqual(["city", "county", "township", "village"]);
    expect(codeLevels("45")).toHaveLength(5);
    expect(codeLevels("4504221042")).toEqual(["village"]);
  });
});
