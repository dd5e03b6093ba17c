/**
 * The charts whose meaning is written down: shown in every chart card's "about" tab and on
 * the methodology page, so a definition is written once. The words are the dictionaries'
 * (src/i18n/zh/definitions.ts and en/definitions.ts); this keeps which charts there are.
 */
import { LANGS, translator, type Lang } from "../i18n/index.ts";

export interface Definition {
  definition: string;
  unit: string;
  source: string;
  method: string;
}

/** The charts with a definition, in the order the methodology page lists them. */
export const DEFINED_CHARTS = ["income", "bands", "sources", "coverage"] as const;
export type DefinedChart = (typeof DEFINED_CHARTS)[number];

function definition(chart: DefinedChart, lang: Lang): Definition {
  const t = translator(lang);
  return {
    definition: t(`definitions.${chart}.definition`),
    unit: t(`definitions.${chart}.unit`),
    source: t("definitions.source"),
    method: t(`definitions.${chart}.method`),
  };
}

/** What each chart means, in each language: `CHART_DEFINITIONS.income.en.unit`. */
export const CHART_DEFINITIONS = Object.fromEntries(
  DEFINED_CHARTS.map((chart) => [
    chart,
    Object.fromEntries(LANGS.map((lang) => [lang, definition(chart, lang)])),
  ]),
) as Record<DefinedChart, Record<Lang, Definition>>;
