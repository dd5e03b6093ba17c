/**
 * The site's words: one dictionary per language (zh.ts is the source of truth, en.ts is
 * typed by it) and a translator bound to a language, in the manner of Starlight's
 * `translations/*.json` and `t()`:
 *
 * @example
 * const t = translator(lang);
 * t("region.income"); // "集体经济收入" | "Collective income"
 * t("problems.medianDetail", { n: 12 }); // "从收集起算，12 个问题" | "from collection, over 12 problems"
 *
 * A string's placeholders are `{name}`: a string value is put in as it is, a number is a
 * count and written by formatCount (src/lib/format.ts) in the reader's language, null or
 * undefined as "—". `{name|one|other}` is the word for a count: `one` when the value is 1,
 * else `other`, with `#` standing for the count ("{n|# village|# villages}"). Every
 * placeholder either language uses must be given (a type error otherwise).
 *
 * Words that are data of the domain, kept in both languages where they are defined (the
 * vocabulary of statuses and categories, the open datasets' descriptions), are reached
 * through the same translator: t.label, t.labels, t.word, t.labelList, t.dataset, t.field,
 * and so are errors that carry both (t.detail).
 */
import { formatCount } from "../lib/format.ts";
import { LANGS, type Lang } from "../lib/i18n.ts";
import { domainWords, type DomainWords } from "./domain-words.ts";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

export {
  basePath,
  hasEnglish,
  langOfPath,
  langOfRoute,
  localePath,
  otherLang,
  LANGS,
  type Lang,
} from "../lib/i18n.ts";

export type Key = keyof typeof zh;
type Placeholder<P extends string> = P extends `${infer Name}|${string}` ? Name : P;
type PlaceholdersIn<S> = S extends `${string}{${infer P}}${infer Rest}`
  ? Placeholder<P> | PlaceholdersIn<Rest>
  : never;
/** The placeholders of a key in either language. */
export type Placeholders<K extends Key> =
  PlaceholdersIn<(typeof zh)[K]> | PlaceholdersIn<(typeof en)[K]>;
export type Value = string | number | null | undefined;
type Args<K extends Key> = [Placeholders<K>] extends [never]
  ? []
  : [values: Record<Placeholders<K>, Value>];

/**
 * The translator of one language: t(key, values), and the domain's words in that language
 * (domain-words.ts).
 */
export interface Translate extends DomainWords {
  <K extends Key>(key: K, ...values: Args<K>): string;
  readonly lang: Lang;
  /**
   * The lang attribute of Chinese text (names, titles and reasons as people wrote them) on
   * this language's pages: none on Chinese pages.
   */
  readonly chineseLang: "zh-CN" | undefined;
}

export const DICTIONARIES: Record<Lang, Record<Key, string>> = { zh, en };

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** A value as a placeholder shows it (see the module's comment). */
function show(value: Value, lang: Lang, one?: string, other?: string): string {
  if (typeof value === "string") return value;
  const count = formatCount(value, lang);
  if (value === null || value === undefined || one === undefined) return count;
  return (value === 1 ? one : (other ?? one)).replaceAll("#", count);
}

/** One part of a string: its own words, a value put in, or a placeholder given none. */
export type Part = { text: string } | { value: string } | { slot: string };

/**
 * A dictionary string cut at its placeholders, those given a value filled in: the parts
 * of a phrase whose other placeholders are markup (src/components/Phrase.astro).
 */
export function phraseParts(lang: Lang, key: Key, values: Record<string, Value> = {}): Part[] {
  const text = DICTIONARIES[lang][key];
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [whole, name = "", one, other] = match;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push(name in values ? { value: show(values[name], lang, one, other) } : { slot: name });
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function fill(lang: Lang, key: Key, values: Record<string, Value> = {}): string {
  return DICTIONARIES[lang][key].replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, other?: string) =>
      name in values ? show(values[name], lang, one, other) : whole,
  );
}

function makeTranslator(lang: Lang): Translate {
  const t = (key: Key, values?: Record<string, Value>) => fill(lang, key, values);
  return Object.assign(t, domainWords(lang), {
    lang,
    chineseLang: lang === "zh" ? undefined : ("zh-CN" as const),
  }) as Translate;
}

const TRANSLATORS = Object.fromEntries(LANGS.map((lang) => [lang, makeTranslator(lang)])) as Record<
  Lang,
  Translate
>;

/** The translator of a language (made once per language). */
export function translator(lang: Lang): Translate {
  return TRANSLATORS[lang];
}
