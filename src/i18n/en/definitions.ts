/** What each chart means: the keys of zh/definitions.ts, in English (en.ts spreads it in). */
import type { zhDefinitions } from "../zh/definitions.ts";

export const enDefinitions = {
  "definitions.source":
    "Monthly collective-income returns of village committees; the sample data is randomly generated.",
  "definitions.income.definition":
    "Year-to-date collective income of the village committees: operating, contracting, investment, subsidy and other income.",
  "definitions.income.unit": "¥ thousand, year to date",
  "definitions.income.method":
    "Each month, the year-to-date totals of the villages that reported are added up; December's figure is the year's. Villages that did not report are left out, so the sums also move with coverage.",
  "definitions.bands.definition":
    "Reporting villages by year-to-date income band: nil (shell villages), under ¥50k (weak), ¥50k–100k, ¥100k–300k, ¥300k–500k, ¥500k–1m, ¥1m or more.",
  "definitions.bands.unit": "Villages",
  "definitions.bands.method":
    "A value on a boundary belongs to the higher band (exactly ¥100k is in ¥100k–300k). December gives the year's picture that official documents quote.",
  "definitions.sources.definition":
    "Income by source: operating, contracting and remittances, investment, subsidies, other. Income excluding subsidies = total − subsidies.",
  "definitions.sources.unit": "¥ thousand, year to date",
  "definitions.sources.method":
    "Each source is summed over reporting villages. Subsidies are shown apart so that transfers cannot pass for income the village earned.",
  "definitions.coverage.definition":
    "Coverage = village committees that filed a return for the month ÷ all village committees (urban communities excluded).",
  "definitions.coverage.unit": "%",
  "definitions.coverage.method":
    "Only village committees (division-code suffix 200–399) are counted.",
} as const satisfies { readonly [K in keyof typeof zhDefinitions]: string };
