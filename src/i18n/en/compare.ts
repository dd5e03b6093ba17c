/**
 * The words of the compare page (src/components/compare/):
 * the keys of zh/compare.ts, in English (en.ts spreads it in).
 */
import type { zhCompare } from "../zh/compare.ts";

export const enCompare = {
  // The comparison page (src/components/compare/, src/views/compare-*.ts) and its links.
  "compare.nav": "Compare",
  "compare.title": "Compare places",
  "compare.titleOf": "Compare: {names}",
  "compare.description":
    "Up to {max} places of any level side by side: headline figures and income for the same months of each year.",
  "compare.lede":
    "Put up to {max} places side by side, of any level: a county next to a village, for instance. The indicators and figures are those of each region page and of the API.",
  "compare.empty":
    "No places chosen yet. Find a place with the search below and choose “Add to comparison”, or use “Add to comparison” on any region page. Up to {max} places, of any level.",
  "compare.problemTitle": "This comparison cannot be shown",
  "compare.regions": "Places compared ({n})",
  "compare.code": "code {code}",
  "compare.remove": "Remove",
  "compare.noPeriods": "None of these places has collective-income data yet.",
  "compare.headline": "Headline figures · {span}",
  "compare.caption":
    "Headline figures, {span}; under each figure its numerator / denominator or a note",
  "compare.col.indicator": "Indicator",
  "compare.villageNote":
    "A single village is compared on its total income, earned income and growth, as on its own page; the other indicators apply only to places with several villages.",
  "compare.income": "Collective income",
  "compare.noData": "no data for this period",
  "compare.notForVillage": "not for a single village",
  "compare.growthBasis": "matched villages: {current} now / {previous} a year earlier",
  "compare.series": "{name} {code}",
  "compare.chart.title": "Year-to-date income, same months each year",
  "compare.chart.summary": "Collective income, {span}: {list}.",
  "compare.chart.item": "{name} {money}",
  "compare.invalid":
    "“{codes}” is not a valid statistical division code: codes have 2, 4, 6, 9 or 12 digits, e.g. 450422.",
  "compare.tooMany":
    "At most {max} places can be compared at once; this list has {n}. Please remove some:",
  "compare.unknown": "No region has the code {codes}.",
  "compare.duplicates": "The code {codes} was given more than once; it is compared once.",
  "compare.noPeriod": "None of these places has data for {period}. {range}",
  "compare.periodRange": "Periods with data: {first} to {last}.",
  "compare.fix.removeInvalid": "Remove the invalid codes",
  "compare.fix.keepFirst": "Keep the first {max}",
  "compare.fix.remove": "Remove {code}",
  "compare.fix.latest": "Show the latest period",
  "compare.add.heading": "Add a place",
  "compare.search.label": "Search for a place to add",
  "compare.search.submit": "Search",
  "compare.search.found": "{n|# place|# places} found:",
  "compare.addLink": "Add to comparison",
  "compare.already": "Already compared",
  "compare.full": "{max} places already: remove one first",
  "compare.fromRegion.add": "Add to comparison",
  "compare.fromRegion.view": "Back to the comparison ({n|# place|# places})",
} as const satisfies { readonly [K in keyof typeof zhCompare]: string };
