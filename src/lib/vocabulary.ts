/**
 * The one vocabulary of the statuses, phases, categories and channels of projects, problems
 * and targets. Each term has its key (the value stored in the database, as in the CHECK
 * lists of migrations/), the Chinese label the public site shows, the English label of the
 * /en pages, and the other spellings an upload accepts (aliases). Pages, uploads, upload
 * templates, the data dictionary, the datasets and the methodology text all read it here;
 * tests/unit/lib/vocabulary.test.ts compares the keys with the migrations.
 */

/** The names of the vocabularies. */
export type VocabularyName =
  | "project_status"
  | "problem_status"
  | "target_status"
  | "target_phase"
  | "project_category"
  | "problem_category"
  | "problem_channel"
  | "target_category";

/** One value of a vocabulary. */
export interface Term {
  /** The database value, e.g. "completed". */
  readonly key: string;
  /** The Chinese label the public site shows, e.g. "已完工". */
  readonly zh: string;
  /** The English label of the /en pages, e.g. "Completed". */
  readonly en: string;
  /** Other spellings accepted in uploads, e.g. ["已完成", "完工"]. */
  readonly aliases: readonly string[];
}

/** Every vocabulary, its terms in the order the pages list them. */
export const VOCABULARIES = {
  project_status: [
    { key: "planned", zh: "计划中", en: "Planned", aliases: ["计划"] },
    { key: "under_way", zh: "在建", en: "Under way", aliases: [] },
    { key: "completed", zh: "已完工", en: "Completed", aliases: ["已完成", "完工"] },
    { key: "suspended", zh: "暂停", en: "Suspended", aliases: [] },
  ],
  problem_status: [
    { key: "open", zh: "待认领", en: "Awaiting claim", aliases: ["未认领"] },
    { key: "claimed", zh: "已认领", en: "Claimed", aliases: ["认领"] },
    { key: "resolved", zh: "已解决", en: "Resolved", aliases: ["解决"] },
    { key: "closed", zh: "已销号", en: "Closed", aliases: ["销号"] },
  ],
  target_status: [
    { key: "on_track", zh: "按计划推进", en: "On track", aliases: ["正常推进", "进展正常"] },
    { key: "achieved", zh: "已完成", en: "Achieved", aliases: ["完成"] },
    { key: "exceeded", zh: "超额完成", en: "Exceeded", aliases: [] },
    { key: "at_risk", zh: "有风险", en: "At risk", aliases: [] },
    { key: "missed", zh: "未完成", en: "Missed", aliases: [] },
  ],
  target_phase: [
    { key: "plan", zh: "制定", en: "Plan", aliases: [] },
    { key: "implement", zh: "实施", en: "Implement", aliases: [] },
    { key: "consolidate", zh: "巩固", en: "Consolidate", aliases: [] },
  ],
  project_category: [
    { key: "industry", zh: "产业", en: "Industry", aliases: [] },
    { key: "infrastructure", zh: "基础设施", en: "Infrastructure", aliases: [] },
    { key: "livelihood", zh: "民生", en: "Livelihoods", aliases: [] },
    { key: "ecology", zh: "生态", en: "Ecology", aliases: [] },
    { key: "other", zh: "其他", en: "Other", aliases: ["其它"] },
  ],
  problem_category: [
    { key: "land", zh: "用地", en: "Land", aliases: [] },
    { key: "water", zh: "用水", en: "Water", aliases: [] },
    { key: "power", zh: "用电", en: "Power", aliases: [] },
    { key: "funding", zh: "资金", en: "Funding", aliases: [] },
    { key: "approval", zh: "报批", en: "Approvals", aliases: [] },
    { key: "technology", zh: "技术", en: "Technology", aliases: [] },
    { key: "market", zh: "市场", en: "Markets", aliases: [] },
    { key: "people", zh: "人才", en: "Skills", aliases: [] },
    { key: "other", zh: "其他", en: "Other", aliases: ["其它"] },
  ],
  problem_channel: [
    {
      key: "matchmaking",
      zh: "项目对接会",
      en: "Project matchmaking meeting",
      aliases: ["对接会"],
    },
    { key: "direct_line", zh: "书记直通车", en: "Secretary direct line", aliases: ["直通车"] },
    { key: "visit", zh: "走访", en: "Door-to-door visit", aliases: [] },
    { key: "other", zh: "其他", en: "Other", aliases: ["其它"] },
  ],
  target_category: [
    { key: "industry", zh: "产业", en: "Industry", aliases: [] },
    { key: "infrastructure", zh: "基础设施", en: "Infrastructure", aliases: [] },
    { key: "livelihood", zh: "民生", en: "Livelihoods", aliases: [] },
    { key: "ecology", zh: "生态", en: "Ecology", aliases: [] },
    { key: "governance", zh: "治理", en: "Governance", aliases: [] },
    { key: "other", zh: "其他", en: "Other", aliases: ["其它"] },
  ],
} as const satisfies Record<VocabularyName, readonly Term[]>;

type Vocabularies = typeof VOCABULARIES;

/** The keys of a vocabulary as a type: VocabularyKey<"project_status"> is "planned" | …. */
export type VocabularyKey<N extends VocabularyName> = Vocabularies[N][number]["key"];

type KeyTuple<T extends readonly Term[]> = {
  readonly [I in keyof T]: T[I] extends Term ? T[I]["key"] : never;
};

/**
 * The keys of a vocabulary in order, as a tuple for z.enum and for listing:
 * keys("target_phase") is ["plan", "implement", "consolidate"].
 */
export function keys<N extends VocabularyName>(name: N): KeyTuple<Vocabularies[N]> {
  return terms(name).map((t) => t.key) as unknown as KeyTuple<Vocabularies[N]>;
}

/** The terms of a vocabulary in order, as plain Terms. */
export function terms(name: VocabularyName): readonly Term[] {
  return VOCABULARIES[name];
}

/**
 * The label of a key in a language: label("project_status", "completed", "zh") is "已完工".
 * Throws a RangeError for a key that is not in the vocabulary (the database's CHECK lists
 * keep such keys out, so one here is a programming error).
 */
export function label(name: VocabularyName, key: string, lang: "zh" | "en"): string {
  const term = terms(name).find((t) => t.key === key);
  if (!term) throw new RangeError(`“${key}” is not a key of the vocabulary ${name}`);
  return term[lang];
}

/**
 * Every label of a vocabulary in one language, by key, in order:
 * labels("target_phase", "zh") is { plan: "制定", implement: "实施", consolidate: "巩固" }.
 */
export function labels<N extends VocabularyName>(
  name: N,
  lang: "zh" | "en",
): Record<VocabularyKey<N>, string> {
  return Object.fromEntries(terms(name).map((t) => [t.key, t[lang]])) as Record<
    VocabularyKey<N>,
    string
  >;
}

/**
 * A spelling as uploads compare it: NFKC (full-width letters, digits and spaces become
 * ASCII), without any white space or zero-width characters, in lower case.
 */
export function normalizeSpelling(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, "")
    .toLowerCase();
}

const INDEX = new Map<VocabularyName, Map<string, Term>>(
  (Object.keys(VOCABULARIES) as VocabularyName[]).map((name) => {
    const index = new Map<string, Term>();
    for (const t of terms(name))
      for (const spelling of [t.key, t.zh, t.en, ...t.aliases])
        if (!index.has(normalizeSpelling(spelling))) index.set(normalizeSpelling(spelling), t);
    return [name, index];
  }),
);

/**
 * The term an upload's cell names, or undefined if none does. The cell matches a term's
 * key, Chinese or English label (case-insensitive) or an alias, after NFKC normalisation
 * and with all white space removed: "已 完 工", "ＵＮＤＥＲ ＷＡＹ" and "under_way" all match.
 */
export function matchTerm(name: VocabularyName, input: string): Term | undefined {
  return INDEX.get(name)?.get(normalizeSpelling(input));
}

/**
 * The labels of a vocabulary in one language as a list for prose: the Chinese joined with
 * 、 ("计划中、在建、已完工、暂停"), the English in lower case with commas and a last
 * word ("planned, under way, completed or suspended" with last = "or").
 */
export function labelList(name: VocabularyName, lang: "zh" | "en", last = "and"): string {
  const words = terms(name).map((t) => (lang === "zh" ? t.zh : t.en.toLowerCase()));
  if (lang === "zh") return words.join("、");
  return words.length < 2
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}
