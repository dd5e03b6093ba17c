/**
 * CSV for downloads (RFC 4180): CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break. Text cells that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or carriage return) get a leading apostrophe, as OWASP advises; numbers
 * are written plain and never altered, so a negative number stays a number.
 */

export type CsvValue = string | number | null | undefined;

/** UTF-8 byte-order mark: Excel and WPS on Chinese Windows need it to read UTF-8. */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made inert for spreadsheets. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell. `isText` cells are neutralised; numbers are written as plain decimals. */
export function csvCell(value: CsvValue, isText: boolean): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    text = String(value);
  } else {
    text = isText ? neutraliseFormula(value) : value;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell, typed by its value: numbers plain, strings neutralised and quoted as needed. */
export function csvField(value: CsvValue): string {
  return csvCell(value, true);
}

/** A whole CSV document: one header row, CRLF-terminated rows, optionally a BOM first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  bom = false,
): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`);
  return `${bom ? BOM : ""}${lines.join("")}`;
}

/** One record, CRLF-terminated. `textColumns[i]` says whether column i is text. */
export function csvLine(values: readonly CsvValue[], textColumns: readonly boolean[]): string {
  return `${values.map((v, i) => csvCell(v, textColumns[i] ?? true)).join(",")}\r\n`;
}

/**
 * Parses RFC 4180 CSV into rows of strings (for tests and tools; a leading BOM is
 * dropped). Quoted fields may hold commas, quotes and line breaks.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      continue;
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
