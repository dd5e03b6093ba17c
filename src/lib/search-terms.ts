/**
 * What a region can be found by, and what a search query means. Pure functions: the index
 * writer (src/db/search.ts), the sample loader and the tests all use them.
 *
 * A region is found by its name, its name without the administrative suffix (黎寨村委会 →
 * 黎寨), their pinyin (lizhaicunweihui, lizhai) and pinyin initials (lzcwh, lz), a substring
 * of the short name (寨, zhai) and its code (a prefix: 450422 finds the county and below).
 */
import { pinyin } from "pinyin-pro";
import { CODE_LENGTHS, LEVELS, type Level } from "./codes.ts";

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
  for (const text of [name, short]) {
    const { full, initials } = syllables(text);
    names.add(foldTerm(text));
    names.add(foldTerm(full.join("")));
    names.add(foldTerm(initials.join("")));
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
  const term = foldTerm(raw.slice(0, MAX_QUERY_LENGTH));
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
