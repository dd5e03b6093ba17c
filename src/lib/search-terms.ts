/**
 * What a region can be found by, and what a search query means. Pure functions: the index
 * writer (src/db/search.ts), the sample loader and the tests all use them.
 *
 * A region is found by its name, its name without the administrative suffix (黎寨村委会 →
 * 黎寨), their pinyin (lizhaicunweihui, lizhai) and pinyin initials (lzcwh, lz), a substring
 * of the short name (寨, zhai) and its code (a prefix: 450422 finds the county and below).
 * Names with polyphonic characters are also found by their other readings (都昌 by duchang,
 * 乐亭 by laoting), queries in traditional characters by their simplified form (藤縣 → 藤县,
 * OpenCC's conversion data), and a place written after its parents (梧州市藤县, 藤县黎寨)
 * by that path (src/db/search.ts).
 */
import { Converter } from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";
import { ancestorCodes, CODE_LENGTHS, LEVELS, type Level } from "./codes.ts";

/**
 * Administrative suffixes, longest first so that 社区居委会 wins over 居委会. Stripped only
 * when at least two characters are left (藤县 stays 藤县: 藤 alone says nothing).
 */
const SUFFIXES = [
  "村民委员会",
  "居民委员会",
  "社区居委会",
  "街道办事处",
  "特别行政区",
  "村委会",
  "居委会",
  "管委会",
  "自治区",
  "自治州",
  "自治县",
  "自治旗",
  "社区",
  "街道",
  "地区",
  "新区",
  "林区",
  "村",
  "镇",
  "乡",
  "县",
  "市",
  "区",
  "省",
  "盟",
  "旗",
];

/** Nationalities before 自治区/自治县 or 民族乡: 广西壮族自治区 → 广西, 恭城瑶族自治县 → 恭城. */
const AUTONOMOUS =
  /^(.{2,}?)(?:维吾尔|(?:[\u4e00-\u9fff]{1,4}族)+)(?:自治区|自治州|自治县|自治旗|民族乡|乡)$/u;

/** The name without its administrative suffix: 黎寨村委会 → 黎寨, 梧州市 → 梧州. */
export function shortName(name: string): string {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous?.[1]) return autonomous[1];
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) {
      return name.slice(0, name.length - suffix.length);
    }
  }
  return name;
}

/** Lower case, full-width folded, only letters and digits: one token for the index. */
export function foldTerm(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const HAN = /\p{Script=Han}/u;

/**
 * Traditional characters (any variant: Taiwan, Hong Kong) to the mainland's simplified
 * ones; built on first use (building its dictionaries costs every new isolate a few ms).
 */
let traditionalToSimplified: ((text: string) => string) | null = null;

/** A query in simplified characters: 藤縣 → 藤县; simplified text is left as it is. */
export function toSimplified(text: string): string {
  // Most queries are already simplified or ASCII: no dictionary needed for those.
  if (/^\p{ASCII}*$/u.test(text)) return text;
  traditionalToSimplified ??= Converter({ from: "t", to: "cn" });
  return traditionalToSimplified(text);
}

/** Pinyin syllables of each character (non-Chinese characters stand for themselves). */
function syllables(text: string): { chars: string[]; full: string[]; initials: string[] } {
  const chars = [...text];
  const full = pinyin(text, { toneType: "none", type: "array", v: true });
  const initials = pinyin(text, { pattern: "first", toneType: "none", type: "array" });
  // pinyin-pro gives one element per character; fall back to the characters if it ever doesn't.
  if (full.length !== chars.length || initials.length !== chars.length) {
    return { chars, full: chars, initials: chars };
  }
  return { chars, full, initials };
}

/** At most this many other readings of a name are indexed (和 alone has three readings). */
const MAX_READINGS = 8;

/**
 * The full pinyin of `text` with its polyphonic characters read every way they can be, the
 * contextual reading (pinyin-pro's) first: 都昌 → duchang besides douchang. At most
 * MAX_READINGS, so that a name of many polyphonic characters does not swell the index.
 * The last `fixedTail` characters keep their contextual reading (县 of 单县 is xian).
 */
export function readings(text: string, fixedTail = 0): string[] {
  const { chars, full } = syllables(text);
  let variants: string[][] = [full];
  chars.forEach((char, i) => {
    if (!HAN.test(char) || i >= chars.length - fixedTail) return;
    const others = pinyin(char, { toneType: "none", type: "array", multiple: true, v: true });
    const next: string[][] = [];
    for (const variant of variants) {
      for (const reading of [variant[i] as string, ...others.filter((r) => r !== variant[i])]) {
        if (next.length < MAX_READINGS) next.push(variant.map((s, j) => (j === i ? reading : s)));
      }
    }
    variants = next;
  });
  return variants.map((v) => v.join(""));
}

export interface SearchTerms {
  /** Whole-field terms: exact and prefix matches. */
  names: string[];
  /** Inner suffixes of the short name and of its pinyin: substring matches. */
  parts: string[];
}

/** The index terms of a region's name, each a single token, without duplicates. */
export function searchTerms(name: string): SearchTerms {
  const short = shortName(name);
  const names = new Set<string>();
  // Other readings vary the short name only: 县 and 委会 are read one way in a place name.
  const tail = short === name && SUFFIXES.some((x) => x.length === 1 && name.endsWith(x)) ? 1 : 0;
  const shortReadings = readings(short, tail);
  const suffix = name.startsWith(short) ? syllables(name.slice(short.length)).full.join("") : null;
  const nameReadings =
    suffix === null ? [syllables(name).full.join("")] : shortReadings.map((r) => r + suffix);
  for (const [text, spoken] of [
    [name, nameReadings],
    [short, shortReadings],
  ] as const) {
    names.add(foldTerm(text));
    for (const reading of spoken) names.add(foldTerm(reading));
    names.add(foldTerm(syllables(text).initials.join("")));
  }
  const parts = new Set<string>();
  const { chars, full } = syllables(short);
  for (let i = 1; i < chars.length; i++) {
    parts.add(foldTerm(chars.slice(i).join("")));
    // A pinyin suffix starts at a syllable: zhai finds 黎寨, but hai does not.
    if (HAN.test(chars[i] ?? "")) parts.add(foldTerm(full.slice(i).join("")));
  }
  const clean = (set: Set<string>) => [...set].filter((t) => t.length > 0);
  const nameList = clean(names);
  return { names: nameList, parts: clean(parts).filter((t) => !names.has(t)) };
}

/** A query as the index reads it: a code prefix, or a single text term. */
export type SearchQuery = { kind: "code"; digits: string } | { kind: "text"; term: string };

export const MAX_QUERY_LENGTH = 50;

/**
 * What a typed query means: digits are a code prefix; anything else is folded into one
 * term (spaces and punctuation dropped, so "li zhai" is lizhai). Null when nothing is left.
 */
export function parseQuery(raw: string): SearchQuery | null {
  const term = foldTerm(toSimplified(raw.slice(0, MAX_QUERY_LENGTH)));
  if (!term) return null;
  if (/^[0-9]+$/.test(term)) return term.length <= 12 ? { kind: "code", digits: term } : null;
  return { kind: "text", term };
}

/** FTS5 MATCH expressions for a term: exact whole-field match, and prefix of any term. */
export function matchExpressions(term: string): { exact: string; prefix: string } {
  // The term holds only letters and digits, but quote it anyway: FTS5 syntax never leaks.
  const quoted = `"${term.replaceAll('"', '""')}"`;
  return { exact: `names : ${quoted}`, prefix: `${quoted}*` };
}

/**
 * The levels a code prefix can name, highest first: those whose codes are at least as long
 * (4504 is a city, or the start of counties, townships and villages under it).
 */
export function codeLevels(digits: string): Level[] {
  return LEVELS.filter((level) => CODE_LENGTHS[level] >= digits.length);
}

/** The index rowid of a region code. */
export function codeRowid(code: string): number {
  return Number(code);
}

/** Places above village level have codes of at most nine digits: index rowids below this. */
export const ABOVE_VILLAGE_ROWID_LIMIT = 1_000_000_000;

/**
 * The runs of two or more Chinese characters in a term that may each name a place of a
 * path written run together (梧州市藤县 → 梧州, 梧州市, 藤县, …); none when the term is not
 * all Chinese or is shorter than three characters (no room for a parent and a child).
 */
export function pathSegments(term: string): string[] {
  const chars = [...term];
  if (chars.length < 3 || !chars.every((c) => HAN.test(c))) return [];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++)
    for (let j = i + 2; j <= chars.length; j++) out.add(chars.slice(i, j).join(""));
  return [...out];
}

/** The FTS5 query for places named exactly by any of `segments` (names column only). */
export function segmentsMatch(segments: readonly string[]): string {
  return `names : (${segments.map((s) => `"${s.replaceAll('"', '""')}"`).join(" OR ")})`;
}

/** A term read as a path of places: the deepest places named, and what follows them. */
export interface PathReading {
  /** Codes of the last place of the path (several when its name is shared). */
  codes: string[];
  /** How many places the path names. */
  depth: number;
  /** The rest of the term after the path ("" when the path is the whole term). */
  rest: string;
}

/**
 * Reads `term` as places written after their parents, each by its name or short name
 * (梧州市藤县: 梧州市 then 藤县 in it; 藤县黎寨: 藤县, then 黎寨 to look for in it), from the
 * places whose names are some of its segments (`places`). Each place must lie within the
 * one before it. The reading that covers most of the term wins; null when no place starts
 * the term, when a single place is the whole term (an ordinary search), or when all that
 * follows is an administrative suffix (平安村 is not 村 in 平安镇).
 */
export function readPath(
  term: string,
  places: readonly { code: string; name: string }[],
): PathReading | null {
  const chars = [...term];
  const named = new Map<string, string[]>();
  for (const { code, name } of places) {
    for (const text of new Set([foldTerm(name), foldTerm(shortName(name))])) {
      named.set(text, [...(named.get(text) ?? []), code]);
    }
  }
  // reach[i]: the places a path can end with after the first i characters, and its depth.
  const reach: { codes: Set<string>; depth: number }[] = [{ codes: new Set(), depth: 0 }];
  for (let i = 0; i < chars.length; i++) {
    const from = reach[i];
    if (!from || (i > 0 && from.codes.size === 0)) continue;
    for (let j = i + 2; j <= chars.length; j++) {
      for (const code of named.get(chars.slice(i, j).join("")) ?? []) {
        const parents = ancestorCodes(code);
        if (i > 0 && ![...from.codes].some((p) => parents.includes(p))) continue;
        const to = (reach[j] ??= { codes: new Set(), depth: from.depth + 1 });
        if (from.depth + 1 > to.depth) {
          to.codes.clear();
          to.depth = from.depth + 1;
        }
        if (from.depth + 1 === to.depth) to.codes.add(code);
      }
    }
  }
  for (let end = chars.length; end > 0; end--) {
    const at = reach[end];
    if (!at || at.codes.size === 0) continue;
    const rest = chars.slice(end).join("");
    if (rest === "" && at.depth < 2) return null;
    if (SUFFIXES.includes(rest)) return null;
    return { codes: [...at.codes].sort(), depth: at.depth, rest };
  }
  return null;
}

/**
 * Index rowid ranges of the places below `code` (the rowid is the code as a number; each
 * level's codes have their own length): [low, high] per deeper level.
 */
export function subtreeRowidRanges(code: string): [number, number][] {
  return Object.values(CODE_LENGTHS)
    .filter((length) => length > code.length)
    .map((length) => {
      const scale = 10 ** (length - code.length);
      const low = Number(code) * scale;
      return [low, low + scale - 1];
    });
}
