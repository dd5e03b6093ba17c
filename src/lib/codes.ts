/** Statistical division codes (统计用区划代码) and the five region levels. */

export const LEVELS = ["province", "city", "county", "township", "village"] as const;
export type Level = (typeof LEVELS)[number];

/** Digits of a code at each level, in order. */
export const CODE_LENGTHS: Record<Level, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/** A well-formed code: digits only, at one of the five lengths. */
export const CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The level a code's length says, or null for a malformed code. */
export function levelOfCode(code: string): Level | null {
  if (!CODE_PATTERN.test(code)) return null;
  return LEVELS.find((level) => CODE_LENGTHS[level] === code.length) ?? null;
}

/** The parent's code (null for a province). */
export function parentCode(code: string): string | null {
  const index = LEVELS.indexOf(levelOfCode(code) ?? "province");
  return index <= 0 ? null : code.slice(0, CODE_LENGTHS[LEVELS[index - 1] as Level]);
}

/** The codes of all ancestors, province first. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let parent = parentCode(code); parent; parent = parentCode(parent)) out.unshift(parent);
  return out;
}

/**
 * Village committees (村委会) have suffixes 200-399; 001-199 are urban communities and
 * 400+ other non-village units. Only committees count in collective-income statistics.
 */
export function isVillageCommittee(code: string): boolean {
  if (code.length !== 12) return false;
  const suffix = Number(code.slice(9));
  return suffix >= 200 && suffix <= 399;
}

/**
 * The half-open code range [low, high) holding a region and its whole subtree, since
 * descendants' codes start with the ancestor's code. Used for index range scans.
 */
export function subtreeRange(code: string): [string, string] {
  return [code, `${code}~`];
}

/** The deepest region code that contains every code given (at least the province). */
export function commonAncestor(codes: readonly string[]): string {
  const first = codes[0] ?? "";
  const prefix = [12, 9, 6, 4, 2]
    .map((n) => first.slice(0, n))
    .find((p) => p.length > 0 && codes.every((c) => c.startsWith(p)));
  return prefix ?? first.slice(0, 2);
}
