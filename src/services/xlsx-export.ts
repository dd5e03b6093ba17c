/**
 * The XLSX downloads: a dataset cut (/api/v1/datasets/{name}.xlsx) or a chart's table
 * (/api/v1/regions/{code}/charts/{chart}.xlsx) as a workbook of two sheets, the data and
 * an About sheet (src/lib/xlsx.ts describes both), in Chinese or English.
 *
 * Written with write-excel-file's Node build: it zips with fflate's streaming Zip and
 * ZipDeflate, synchronously in this thread, into a node:stream PassThrough (the Worker has
 * nodejs_compat). Its universal build uses fflate's asynchronous zip(), which deflates
 * any part over a few hundred kB in a Web Worker, and workerd has none ("Worker is not
 * defined"). The workbook is built whole in memory, so a dataset cut is bounded
 * (XLSX_MAX_CELLS, src/lib/api-limits.ts): larger cuts are CSV files.
 */
import writeXlsxFile, { type Row } from "write-excel-file/node";
import { readPage, type Cursor, type DatasetFilters } from "../db/datasets.ts";
import { translator, type Lang } from "../i18n/index.ts";
import type { DatasetDef, FieldDef } from "../lib/datasets.ts";
import { LICENCE } from "../lib/datasets.ts";
import { formatCount, formatDateTimeIn, formatPeriod } from "../lib/format.ts";
import {
  dataRow,
  fieldKind,
  workbookSheets,
  type AboutField,
  type AboutLine,
  type XlsxColumn,
  type XlsxKind,
  type XlsxValue,
  type XlsxWorkbook,
} from "../lib/xlsx.ts";
import type { ChartData } from "../views/region-charts.ts";
import { EXPORT_PAGE_ROWS } from "./dataset-export.ts";

/** The data a download holds: a release, or live data at a version. */
export interface XlsxVersion {
  /** The release's period, or "live". */
  release: string;
  /** The release's freeze moment (null for live data). */
  asOf: string | null;
  /** The live data's last update, or the freeze moment. */
  dataUpdatedAt: string | null;
  sampleData: boolean;
}

/** Where a download comes from, for the About sheet. */
export interface XlsxSource {
  /** The site's canonical origin (src/lib/origin.ts). */
  origin: string;
  /** The download's canonical address, as cited. */
  url: string;
}

/** The workbook's bytes (an XLSX file). */
export async function writeXlsx(book: XlsxWorkbook): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await writeXlsxFile(workbookSheets(book)).toBuffer();
  // A copy (a few MB at most) as a plain Uint8Array, which a Response body takes.
  return new Uint8Array(buffer);
}

/** In brackets, as each language writes them. */
const bracketed = (text: string, inner: string, lang: Lang) =>
  translator(lang)("common.bracketed", { text, inner });

/**
 * A field's column label: its name for people; a percentage of 0–100 (which the cells do
 * not show as one) says so. Money and ratios are shown in their unit by their format.
 */
function fieldLabel(field: FieldDef, lang: Lang): string {
  const { title } = translator(lang).field(field);
  return field.unit === "%" ? bracketed(title, "%", lang) : title;
}

/** A dataset's columns: its fields, in order, labelled in `lang`. */
export function datasetColumns(def: DatasetDef, lang: Lang): XlsxColumn[] {
  return def.fields.map((f) => ({ label: fieldLabel(f, lang), kind: fieldKind(f) }));
}

/** A column's unit as the About sheet gives it: money and ratios say how they are shown. */
function unitText(kind: XlsxKind, unit: string, lang: Lang): string {
  const t = translator(lang);
  if (kind === "money") return t("xlsx.unit.money");
  if (kind === "ratio") return t("xlsx.unit.ratio");
  return unit;
}

/** The lines every About sheet ends with: version, source, address, licence, citation. */
function commonLines(
  version: XlsxVersion,
  source: XlsxSource,
  citation: string,
  lang: Lang,
): AboutLine[] {
  const t = translator(lang);
  const versionText = version.asOf
    ? t("xlsx.about.release", {
        release: version.release,
        frozen: formatDateTimeIn(version.asOf, lang),
      })
    : t("xlsx.about.live", {
        version: version.dataUpdatedAt ?? "—",
        updated: formatDateTimeIn(version.dataUpdatedAt, lang),
      });
  return [
    [t("xlsx.about.version"), versionText],
    [t("xlsx.about.source"), t("xlsx.about.sourceText", { url: `${source.origin}/data` })],
    [t("xlsx.about.address"), source.url],
    [t("xlsx.about.licence"), t("xlsx.about.licenceText", { url: LICENCE.path })],
    [t("xlsx.about.cite"), citation],
    ...(version.sampleData ? [[t("xlsx.about.sample"), t("site.sampleNote")] as const] : []),
    [t("xlsx.about.cells"), t("xlsx.about.cellsText")],
  ];
}

function fieldHeadings(lang: Lang): XlsxWorkbook["about"]["fieldHeadings"] {
  const t = translator(lang);
  return [
    t("dataset.col.field"),
    t("dataset.col.name"),
    t("dataset.col.unit"),
    t("dataset.col.definition"),
  ];
}

export interface DatasetXlsxRequest {
  def: DatasetDef;
  /** The filters as read (asOf set for a release). */
  filters: DatasetFilters;
  version: XlsxVersion;
  source: XlsxSource;
  lang: Lang;
  /** The most rows to read; null is returned when the cut holds more. */
  maxRows: number;
}

/**
 * A dataset cut as an XLSX workbook: its rows read in keyset pages (as the CSV is) and
 * kept as cells, then written whole. Null when the cut holds more than `maxRows` rows
 * (the data grew since it was counted); a D1 error rejects.
 */
export async function datasetXlsx(
  db: D1Database,
  request: DatasetXlsxRequest,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; rows: number } | null> {
  const { def, filters, version, source, lang, maxRows } = request;
  const t = translator(lang);
  const words = t.dataset(def);
  const columns = datasetColumns(def, lang);
  const body: Row[] = [];
  let after: Cursor | null = null;
  do {
    const page = await readPage(db, def, filters, after, EXPORT_PAGE_ROWS);
    for (const row of page.rows) {
      body.push(
        dataRow(
          def.fields.map((f) => row[f.name] as XlsxValue),
          columns,
          lang,
        ),
      );
    }
    if (body.length > maxRows) return null;
    after = page.next;
  } while (after);
  const cut = (["region", "from", "to"] as const)
    .filter((key) => filters[key])
    .map((key) => `${key}=${filters[key]}`);
  const fields: AboutField[] = def.fields.map((f, i) => {
    const { description, unit } = t.field(f);
    const column = columns[i] as XlsxColumn;
    return {
      name: f.name,
      label: column.label,
      unit: unitText(column.kind, unit, lang),
      description,
    };
  });
  const release = version.asOf ? version.release : null;
  const bytes = await writeXlsx({
    sheets: { data: t("xlsx.sheet.data"), about: t("xlsx.sheet.about") },
    columns,
    body,
    about: {
      title: bracketed(words.title, def.name, lang),
      lines: [
        [t("xlsx.about.contents"), words.description],
        [t("xlsx.about.filters"), cut.length > 0 ? cut.join(", ") : t("xlsx.about.noFilters")],
        [t("xlsx.about.rows"), formatCount(body.length, lang)],
        ...commonLines(version, source, words.citation(release, source.url), lang),
      ],
      fieldHeadings: fieldHeadings(lang),
      fields,
    },
  });
  return { bytes, rows: body.length };
}

/** A chart table's cells: money, counts and ratios as the page shows them. */
const CHART_KINDS: Record<ChartData["table"]["columns"][number]["unit"], XlsxKind> = {
  text: "text",
  money: "money",
  count: "number",
  ratio: "ratio",
};

export interface ChartXlsxRequest {
  chart: ChartData;
  region: { code: string; name: string };
  /** The period the chart shows (YYYY-MM). */
  period: string;
  version: XlsxVersion;
  source: XlsxSource;
  lang: Lang;
}

/** A chart's table (src/views/region-charts.ts) as an XLSX workbook. */
export async function chartXlsx(request: ChartXlsxRequest): Promise<Uint8Array<ArrayBuffer>> {
  const { chart, region, period, version, source, lang } = request;
  const t = translator(lang);
  const columns: XlsxColumn[] = chart.table.columns.map((c) => ({
    label: c.label,
    kind: CHART_KINDS[c.unit],
  }));
  const shown = formatPeriod(period, lang);
  const citation = t("xlsx.chart.citation", {
    region: region.name,
    code: region.code,
    chart: chart.title,
    period: shown,
    url: source.url,
  });
  return writeXlsx({
    sheets: { data: t("xlsx.sheet.data"), about: t("xlsx.sheet.about") },
    columns,
    body: chart.table.rows.map((row) => dataRow(row, columns, lang)),
    about: {
      title: chart.title,
      lines: [
        [t("xlsx.chart.region"), t("xlsx.chart.regionText", region)],
        [t("common.period"), shown],
        [t("xlsx.chart.summary"), chart.summary],
        [t("chart.about.definition"), chart.about.definition],
        [t("chart.about.method"), chart.about.method],
        [t("xlsx.chart.dataSource"), chart.about.source],
        ...commonLines(version, source, citation, lang),
      ],
      fieldHeadings: fieldHeadings(lang),
      fields: chart.table.columns.map((c, i) => ({
        name: c.key === c.label ? "" : c.key,
        label: c.label,
        unit: unitText(
          (columns[i] as XlsxColumn).kind,
          c.unit === "count" ? t("xlsx.unit.count") : "",
          lang,
        ),
        description: "",
      })),
    },
  });
}
