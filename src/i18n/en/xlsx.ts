/** The words of the XLSX downloads: the keys of zh/xlsx.ts, in English (en.ts spreads it in). */
import type { zhXlsx } from "../zh/xlsx.ts";

export const enXlsx = {
  "xlsx.chartDownload":
    "The figures shown above, as {xlsx} (an Excel workbook), {csv} (opens in Excel and WPS) or {json}.",
  "xlsx.sheet.data": "Data",
  "xlsx.sheet.about": "About",
  "xlsx.about.contents": "Contents",
  "xlsx.about.filters": "Filters",
  "xlsx.about.noFilters": "None (the whole dataset)",
  "xlsx.about.rows": "Rows",
  "xlsx.about.version": "Version",
  "xlsx.about.release":
    "Monthly release {release}, frozen at {frozen}; later corrections do not change it.",
  "xlsx.about.live": "Live data (not a frozen release): data version {version}, updated {updated}.",
  "xlsx.about.source": "Source",
  "xlsx.about.sourceText": "Village Ledger (村务公开台账) {url}",
  "xlsx.about.address": "Download address",
  "xlsx.about.licence": "Licence",
  "xlsx.about.licenceText": "Creative Commons Attribution 4.0 (CC BY 4.0) {url}",
  "xlsx.about.cite": "Citation",
  "xlsx.about.sample": "Sample data",
  "xlsx.about.cells": "Cells",
  "xlsx.about.cellsText":
    "Money cells hold whole yuan (as in the CSV, ready to compute with), shown as ¥ with thousands separators; ratios hold fractions, shown as percentages; division codes are text, never shown as 4.50422E+11; dates are date cells.",
  "xlsx.about.columns": "Columns",
  "xlsx.unit.money": "yuan",
  "xlsx.unit.ratio": "ratio (shown as %)",
  "xlsx.unit.count": "count",
  "xlsx.chart.region": "Region",
  "xlsx.chart.regionText": "{name} ({code})",
  "xlsx.chart.summary": "Summary",
  "xlsx.chart.dataSource": "Data source",
  "xlsx.chart.citation":
    "Village Ledger (村务公开台账): {region} ({code}), {chart}, {period}, latest data. {url}, CC BY 4.0.",
} as const satisfies { readonly [K in keyof typeof zhXlsx]: string };
