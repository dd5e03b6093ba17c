/**
 * Names of levels, indicators, bands and sources as records by key, for code that lists
 * them (the back office's bulletin form, the bulletin body). The words are the
 * dictionaries' (src/i18n/): this only arranges them.
 */
import { translator } from "../i18n/index.ts";
import { LEVELS, type Level } from "./codes.ts";
import { LANGS, type Lang } from "./i18n.ts";
import {
  BANDS,
  INDICATOR_KEYS,
  SOURCES,
  type BandKey,
  type IndicatorKey,
  type Source,
} from "./indicators.ts";

interface Labels {
  levels: Record<Level, string>;
  /** What a region's children are called, by the region's level. */
  children: Record<Level, string>;
  indicators: Record<IndicatorKey, string>;
  bands: Record<BandKey, string>;
  sources: Record<Source, string>;
}

function byKey<K extends string>(keys: readonly K[], name: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, name(key)])) as Record<K, string>;
}

function labelsIn(lang: Lang): Labels {
  const t = translator(lang);
  return {
    levels: byKey(LEVELS, (level) => t(`level.name.${level}`)),
    children: byKey(LEVELS, (level) => t(`level.children.${level}`)),
    indicators: byKey(INDICATOR_KEYS, (key) => t(`indicator.${key}`)),
    bands: byKey(
      BANDS.map((b) => b.key),
      (key) => t(`band.${key}`),
    ),
    sources: byKey(SOURCES, (source) => t(`source.${source}`)),
  };
}

export const LABELS = Object.fromEntries(LANGS.map((lang) => [lang, labelsIn(lang)])) as Record<
  Lang,
  Labels
>;
