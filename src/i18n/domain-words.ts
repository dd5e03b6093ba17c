/**
 * Words of the domain that are data, kept in both languages where they are defined: the
 * vocabulary of statuses and categories (src/lib/vocabulary.ts), the open datasets'
 * descriptions (src/lib/datasets.ts) and errors that carry both languages. The
 * translator (index.ts) reaches them in its language, as it reaches the dictionary.
 */
import type { DatasetDef, FieldDef } from "../lib/datasets.ts";
import { citation, citationEn, UNITS_EN } from "../lib/datasets.ts";
import type { Lang } from "../lib/i18n.ts";
import {
  label,
  labelList,
  labels,
  type VocabularyKey,
  type VocabularyName,
} from "../lib/vocabulary.ts";

/** The words of one dataset of the open-data catalogue in a language. */
export interface DatasetWords {
  title: string;
  description: string;
  updateSchedule: string;
  /** What from/to filter on, or null. */
  periodFilter: string | null;
  citation: (release: string | null, url: string) => string;
}

export interface DomainWords {
  /** A vocabulary term's label: label("project_status", "completed") is "已完工". */
  label(vocabulary: VocabularyName, key: string): string;
  /** A vocabulary's labels by key, in order. */
  labels<N extends VocabularyName>(vocabulary: N): Record<VocabularyKey<N>, string>;
  /** A vocabulary term as a word in running text (English in lower case, as labelList). */
  word(vocabulary: VocabularyName, key: string): string;
  /** A vocabulary's labels as a list for prose ("planned, under way … or suspended"). */
  labelList(vocabulary: VocabularyName, last?: string): string;
  /** What an error that carries both languages (message, detailZh) says in this one. */
  detail(error: { message: string; detailZh: string }): string;
  dataset(def: DatasetDef): DatasetWords;
  /** A dataset field's name, definition and unit. */
  field(field: FieldDef): { title: string; description: string; unit: string };
}

export function domainWords(lang: Lang): DomainWords {
  const english = lang === "en";
  return {
    label: (vocabulary, key) => label(vocabulary, key, lang),
    labels: (vocabulary) => labels(vocabulary, lang),
    word: (vocabulary, key) =>
      english ? label(vocabulary, key, lang).toLowerCase() : label(vocabulary, key, lang),
    labelList: (vocabulary, last) => labelList(vocabulary, lang, last),
    detail: (error) => (english ? error.message : error.detailZh),
    dataset: (def) =>
      english
        ? {
            title: def.titleEn,
            description: def.descriptionEn,
            updateSchedule: def.updateScheduleEn,
            periodFilter: def.periodFilterEn,
            citation: (release, url) => citationEn(def, release, url),
          }
        : {
            title: def.title,
            description: def.description,
            updateSchedule: def.updateSchedule,
            periodFilter: def.periodFilter,
            citation: (release, url) => citation(def, release, url),
          },
    field: (field) => ({
      title: english ? field.titleEn : field.title,
      description: english ? field.descriptionEn : field.description,
      unit: field.unit ? (english ? UNITS_EN[field.unit] : field.unit) : "",
    }),
  };
}
