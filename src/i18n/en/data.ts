/**
 * The words of the open data page, datasets and releases (src/components/data/):
 * the keys of zh/data.ts, in English (en.ts spreads it in).
 */
import type { zhData } from "../zh/data.ts";

export const enData = {
  "data.title": "Open data",
  "data.description":
    "All the data behind Village Ledger: CSV and JSON downloads, field definitions, licence and how to cite it.",
  "data.lede":
    "Every figure on this site can be downloaded. Data updated {date}; the latest monthly release is {latest}.",
  "data.howto": "How to use the data",
  "data.howto.licence":
    "Licence: Creative Commons Attribution 4.0, {link}. Please credit “Village Ledger (村务公开台账)” and the release you used.",
  "data.howto.licenceLink": "CC BY 4.0",
  "data.howto.licenceUrl": "https://creativecommons.org/licenses/by/4.0/",
  "data.howto.csv":
    "CSV files are UTF-8 with the field names in the first row; money is in whole yuan without thousands separators; region codes are written as text. The download buttons on this page add a byte order mark (BOM) so that Excel and WPS open the files directly. In Excel, format code columns as “Text” so long codes are not shown in scientific notation.",
  "data.howto.length":
    "Every CSV download declares its size (Content-Length) and row count (X-Row-Count): if an export fails part-way, browsers, curl and Python's urlretrieve report an incomplete download. If your program reads the response in pieces, check that it received Content-Length bytes and X-Row-Count rows.",
  "data.howto.bulk":
    "Whole datasets are files: after each monthly release, every dataset as it stood at that release is written as a gzipped CSV (UTF-8 with BOM) at {path}, with its {datapackage} beside it. They never change, and support resumed downloads. One CSV request to the API returns at most {maxRows} rows: narrow larger requests by region or period, or download the bulk file.",
  "data.howto.bulkPath": "/data/bulk/YYYY-MM/dataset-name.csv.gz",
  "data.howto.formulas":
    "Text cells starting with =, +, - or @ are prefixed with an apostrophe (') so that spreadsheets do not run them as formulas; numbers are unaffected.",
  "data.howto.cite":
    "To cite a fixed version, add {param} to a download address (e.g. {example}) to get the data as frozen at that release; later corrections never change it. Each release's page lists its corrections.",
  "data.howto.citeParam": "release=YYYY-MM",
  "data.howto.api":
    "API: {docs}, {openapi}. JSON pages hold {pageSize} rows by default and at most {maxPageSize}; follow next_cursor for the next page. Each address may make at most {requests} requests and {downloads} data downloads a minute.",
  "data.howto.apiDocs": "documentation",
  "data.howto.machine": "Machine-readable descriptions: {datapackage}, {catalog}.",
  "data.howto.datapackage": "Frictionless data package (datapackage.json)",
  "data.howto.catalog": "DCAT-AP catalogue (JSON-LD)",
  "data.noSpan": "no data yet",
  "data.span": "{first} to {latest}",
  "data.coverage":
    "Sample regions in {provinces} ({counties|# county-level region|# county-level regions}); {span}.",
  "data.regionsOnly": "Sample regions in {provinces}.",
  "dataset.coverage": "Coverage",
  "dataset.updates": "Updates",
  "dataset.versions": "Versions",
  "dataset.filters": "Filters",
  "dataset.key": "Primary key",
  "dataset.cite": "Citation",
  "dataset.filterRegion": "region=division code (with everything below it)",
  "dataset.filterNoRegion": "no regions",
  "dataset.filterPeriod": "from/to=YYYY-MM, by {filter}",
  "dataset.filterNoPeriod": "no period",
  "dataset.versioning.as-of":
    "Can be read as of a release: add release=YYYY-MM to get the data as frozen at that release.",
  "dataset.versioning.static":
    "Division codes do not change between releases; release is accepted and gives the same result.",
  "dataset.cut.bulk": "Release {release}, whole file (CSV.gz, {rows} rows, {size})",
  "dataset.cut.all": "All data (CSV)",
  "dataset.cut.release": "Release {release} (CSV)",
  "dataset.cut.year": "{year} (CSV)",
  "dataset.cut.json": "JSON (paged)",
  "dataset.byCounty": "Download by county",
  "dataset.county": "{name} ({code})",
  "dataset.downloadCsv": "Download CSV",
  "dataset.downloadXlsx": "Download XLSX (Excel)",
  "dataset.fields": "Field definitions ({n} fields)",
  "dataset.col.field": "Field",
  "dataset.col.name": "Name",
  "dataset.col.type": "Type",
  "dataset.col.unit": "Unit",
  "dataset.col.definition": "Definition",
  "dataset.values": " Values: {values}.",
  "dataset.type.string": "Text",
  "dataset.type.integer": "Integer",
  "dataset.type.number": "Number",
  "dataset.type.yearmonth": "Year-month",
  "dataset.type.date": "Date",
  "dataset.type.datetime": "Date and time",
  "dataset.type.array": "JSON array",
  "release.title": "Release for {period}",
  "release.heading": "Release for {period}",
  "release.none": "No such release",
  "release.notFound": "Release not found",
  "release.badPeriod":
    "“{period}” is not a valid period: releases are named after their period, written YYYY-MM, e.g. 2026-10.",
  "release.unpublished": "The data for {period} has not been published yet.",
  "release.description":
    "{title}: changes since the previous release and the frozen data downloads.",
  "release.lede":
    "{title}. Period {period}, published {date}. The downloads on this page are the data as frozen at this release; later corrections never change them.",
  "release.data": "Data in this release",
  "release.dataset": "{title}: ",
  "release.bulletins": "Bulletins in this release",
  "release.noBulletins": "This release has no bulletins.",
  "release.bulletin": "{title} ({region})",
  "release.notices": "Corrections and notes",
  "release.notice": "{date}: {body} (reason: {reason})",
  "changes.title": "Changes since the previous release",
  "changes.intro": "Previous release: {link} ({date}). This release was frozen on {frozen}.",
  "changes.introFirst": "This is the first release. This release was frozen on {frozen}.",
  "changes.newReturns": "Returns filed for the first time",
  "changes.noNew": "No new returns.",
  "changes.filed": "{period}: {n|# return|# returns}",
  "changes.revised": "Revised figures",
  "changes.summary":
    "{returns|# return|# returns} revised, {figures|# figure|# figures} in all. {csv}",
  "changes.csv": "Download the list of revisions (CSV)",
  "changes.field.total": "Total income",
  "changes.col.village": "Village",
  "changes.col.period": "Period",
  "changes.col.item": "Item",
  "changes.col.old": "Old value",
  "changes.col.new": "New value",
  "changes.col.revised": "Revised",
  "changes.col.reason": "Reason",
} as const satisfies { readonly [K in keyof typeof zhData]: string };
