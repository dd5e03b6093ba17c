/** The methodology page's words: the keys of zh/methodology.ts, in English (en.ts spreads it in). */
import type { zhMethodology } from "../zh/methodology.ts";

export const enMethodology = {
  "methodology.title": "Methodology",
  "methodology.lede":
    "Where every figure on this site comes from: the data, the income identity and bands, how each indicator is computed, coverage, returns on time, year-to-date figures, matched-sample growth, and how releases, revisions and corrections work.",
  "methodology.contents": "On this page",
  "methodology.identity.title": "The income identity",
  "methodology.identity.lead":
    "Each village committee reports its year-to-date collective income every month, split into five sources. Every return must satisfy this identity; rows that do not are refused at upload, and the database refuses to store them:",
  "methodology.identity.total": "Total income",
  "methodology.identity.earned":
    "Income excluding subsidies = total − subsidies. It is always shown beside the total, so that transfers cannot pass for income the village earned.",
  "methodology.bands.title": "Income bands",
  "methodology.bands.lead":
    "Reporting villages are grouped into seven bands by year-to-date income. A value on a boundary belongs to the higher band: exactly ¥100,000 is in ¥100k–300k. December's bands are the year's, the figures official documents quote.",
  "methodology.bands.band": "Band",
  "methodology.bands.from": "From",
  "methodology.bands.below": "Below",
  "methodology.indicators.title": "Indicators",
  "methodology.indicators.lead":
    "These are computed for each region (province, city, county, township, village) and month, over the village committees in the region. Every ratio is published with its numerator and denominator, on the pages and in the API.",
  "methodology.indicators.unit": "Unit: {unit}",
  "methodology.charts.title": "Charts",
  "methodology.charts.lead": "Each chart's “About” tab shows the definition below.",
  "methodology.charts.income": "Income over time",
  "methodology.charts.bands": "Income bands",
  "methodology.charts.sources": "Income by source",
  "methodology.charts.coverage": "Coverage",
  "methodology.coverage.title": "Coverage",
  "methodology.coverage.p1":
    "Coverage = village committees that filed a return for the month ÷ all village committees in the region. Totals, medians, bands and shares count only the villages that reported, so totals are low in months with low coverage. Every region's headline figures show coverage and the number reporting.",
  "methodology.coverage.p2":
    "Urban communities (division-code suffix 001–199) are regions on the map but not village collectives, and are left out of every village indicator.",
  "methodology.punctuality.title": "Returns on time",
  "methodology.punctuality.p1":
    "Returns on time = village committees that filed on time ÷ all village committees in the region. A month's return is due by the 10th of the following month, China time; the deadline day is a setting of the site, the 10th by default. Whether a village filed on time depends on when its return for the month was first recorded: later additions and corrections are new rows and do not move that moment.",
  "methodology.punctuality.p2":
    "A return first recorded after the deadline is late, by the calendar days (China time) from the deadline to the day it was first recorded; pages show the villages late and their mean days late. A village with no return once the deadline has passed is missing; before the deadline it is only not yet due. Coverage asks whether a village filed, returns on time also when: a late village counts towards coverage but not towards returns on time.",
  "methodology.punctuality.p3":
    "A release counts the returns recorded by its freeze moment, so a village that files after a release stays missing in that release. Each bulletin's reminder letter names the villages that filed late, with their days late, and the townships with late or missing villages; the open dataset reporting-punctuality gives the villages on time, late and missing for every region and month.",
  "methodology.yearToDate.title": "Year-to-date figures",
  "methodology.yearToDate.p1":
    "Monthly returns state income from January to the month, as Chinese monthly statistics do: October's figure covers January–October, and December's is the year's. Years are compared month for month.",
  "methodology.growth.title": "Growth on a year earlier (matched sample)",
  "methodology.growth.p1":
    "Growth compares only the villages that reported both in the period and twelve months earlier: their total now divided by their total a year earlier, minus one. Villages that start or stop reporting therefore cannot create growth or decline. The number of villages in the matched sample is shown with it.",
  "methodology.activity.title": "Projects, problem lists and term targets",
  "methodology.activity.p1":
    "Projects are counted by status ({statuses}) and category ({categories}); budgets and amounts invested are summed in yuan; a project past its planned completion date and not completed is marked overdue.",
  "methodology.activity.p2":
    "Problems go through collected → claimed → resolved → closed, each step dated. Resolution rate = (resolved + closed) ÷ collected. Days to claim and to resolve are medians. Open problems past their due date are counted by the claiming department.",
  "methodology.activity.p3":
    "Term targets are signed by resident work teams with village committees and go through {phases} phases, each with a baseline, a target and an actual value. Status is {targetStatuses}. Work teams are shown by size and dispatching unit only, never personal data.",
  "methodology.rankings.title": "League tables",
  "methodology.rankings.p1":
    "League tables rank the regions under the same parent on a chosen indicator and period, with the change since the previous period. The top 20% are marked as leaders and the bottom 10% as called in for a talk, as in the local competitions. Each table states the indicator and period it ranks.",
  "methodology.revisions.title": "Releases, revisions and corrections",
  "methodology.revisions.p1":
    "Figures are published in releases: a release is the data frozen as of a moment, such as “data as of the October 2026 bulletin”. Release dates are announced in the release calendar at least four weeks ahead.",
  "methodology.revisions.p2":
    "Returns are only ever appended: a correction is a new row that supersedes the old one from a recorded time. Any published release can therefore be recomputed exactly as it was, and researchers can cite a fixed version.",
  "methodology.revisions.p3":
    "When a published bulletin or release was wrong, a correction with its date and reason is appended to it and stays there for good; nothing is deleted or overwritten. Each release's page lists what changed since the previous one.",
  "methodology.units.title": "Units and rounding",
  "methodology.units.p1":
    "Money is stored and downloaded as whole yuan. Chinese pages show 万元 (ten thousands, two decimals) and 亿元 from a hundred million; English pages show thousands and millions of yuan. Percentages have one decimal. CSV and JSON downloads carry the unrounded values.",
  "methodology.formula.villages":
    "Village committees in the region (division-code suffix 200–399); urban communities are not counted.",
  "methodology.formula.reporting":
    "Village committees that filed a return for the month, out of all villages.",
  "methodology.formula.coverage": "Villages reporting ÷ village committees.",
  "methodology.formula.income_total":
    "Sum of the year-to-date totals of the reporting villages; others are left out.",
  "methodology.formula.income_median":
    "The middle of the reporting villages' year-to-date totals in order; the mean of the two middle values when their number is even.",
  "methodology.formula.income_mean": "Collective income, total ÷ villages reporting.",
  "methodology.formula.earned_income":
    "Collective income, total − subsidies; shown beside the total so that subsidies cannot pass for earned income.",
  "methodology.formula.share_ge_10w":
    "Reporting villages with year-to-date income of ¥100,000 or more ÷ reporting villages. A village at exactly ¥100,000 counts.",
  "methodology.formula.share_ge_30w":
    "Reporting villages with year-to-date income of ¥300,000 or more ÷ reporting villages. A village at exactly ¥300,000 counts.",
  "methodology.formula.share_ge_50w":
    "Reporting villages with year-to-date income of ¥500,000 or more ÷ reporting villages. A village at exactly ¥500,000 counts.",
  "methodology.formula.share_ge_100w":
    "Reporting villages with year-to-date income of ¥1,000,000 or more ÷ reporting villages. A village at exactly ¥1,000,000 counts.",
  "methodology.formula.weak_villages":
    "Reporting villages with year-to-date income under ¥50,000, shell villages with none included; out of villages reporting.",
  "methodology.formula.subsidy_share": "Subsidies ÷ collective income, total.",
  "methodology.formula.yoy_growth":
    "Over the villages that reported both in the period and twelve months earlier (a matched sample): their total now ÷ their total a year earlier − 1.",
  "methodology.formula.reported_on_time":
    "Village committees whose return for the month was first recorded by the reporting deadline (by default the 10th of the following month, China time; configurable) ÷ village committees. Later corrections do not move the first record; a return first recorded after the deadline is late, by so many days; no return once the deadline has passed is missing.",
  "methodology.unit.yuan": "yuan (shown in thousands and millions)",
  "methodology.unit.villages": "villages",
  "methodology.unit.percent": "%",
} as const satisfies { readonly [K in keyof typeof zhMethodology]: string };
