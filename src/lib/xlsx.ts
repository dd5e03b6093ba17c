/**
 * The XLSX downloads as data: a workbook is a data sheet (a frozen header row of labels,
 * then one row per record, each column typed by what it holds) and an About sheet (source,
 * version, licence, citation and the definition of every column). Pure:
 * src/services/xlsx-export.ts fills it and writes it with write-excel-file.
 *
 * Cells are typed so that Excel, WPS and LibreOffice show what the CSV means:
 * - codes are text cells, formatted as text ("@"), so 450422104211 never becomes
 *   4.50422E+11, not even after the cell is edited;
 * - money is the whole yuan of the CSV, a number to compute with, shown in 万元 by the
 *   format 0"."0000"万元": a literal point four digits from the right, so 124600 shows as
 *   12.4600万元, exact to the yuan. Excel has no scaling by 10,000 (a trailing comma divides
 *   by 1,000, so `0.00,,` is millions), and Excel's other spelling `0!.0000` is shown by
 *   LibreOffice as "124600!.0000". In English, whole yuan with separators: ¥124,600;
 * - fractions (coverage, shares, growth) are numbers shown as percentages (0.0%);
 * - dates are date cells (yyyy-mm-dd); periods (2026-10) and times stay text, as in the CSV;
 * - other numbers are plain numbers. Text is never run as a formula in a text cell, so it
 *   is written as it is (the CSV's apostrophe before = + - @ is not needed here).
 */
import type { Cell, Row, Sheet, SheetData } from "write-excel-file/node";
import type { FieldDef } from "./dataset-fields.ts";
import type { Lang } from "./i18n.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What a column holds: its cells' type and number format follow from it. */
export type XlsxKind = "text" | "code" | "money" | "ratio" | "number" | "date";

export type XlsxValue = string | number | null;

export interface XlsxColumn {
  label: string;
  kind: XlsxKind;
}

/** One line of the About sheet: what it is about, and what it says. */
export type AboutLine = readonly [heading: string, text: string];

/** One column's definition on the About sheet (name empty where the column has none). */
export interface AboutField {
  name: string;
  label: string;
  unit: string;
  description: string;
}

export interface XlsxWorkbook {
  /** The data sheet's name and the About sheet's. */
  sheets: { data: string; about: string };
  columns: readonly XlsxColumn[];
  /**
   * The data rows as cells (dataRow), built as the rows are read so that a large cut is
   * held once, as cells, and not also as values.
   */
  body: readonly Row[];
  about: {
    title: string;
    lines: readonly AboutLine[];
    /** The headings of the field table: name, label, unit, definition. */
    fieldHeadings: readonly [string, string, string, string];
    fields: readonly AboutField[];
  };
}

/** Money: whole yuan, shown in 万元 (Chinese) or as yuan with separators (English). */
export const MONEY_FORMAT: Record<Lang, string> = {
  zh: '0"."0000"万元"',
  en: '"¥"#,##0',
};
/** Fractions shown as percentages with one decimal, as the pages show them. */
export const PERCENT_FORMAT = "0.0%";
export const DATE_FORMAT = "yyyy-mm-dd";
/** Excel's "Text" format: what is typed into the cell stays text. */
export const TEXT_FORMAT = "@";

const CODE_NAME = /(^|_)code$/;

/** The kind of a dataset field's column (src/lib/dataset-fields.ts). */
export function fieldKind(field: FieldDef): XlsxKind {
  if (field.type === "integer" || field.type === "number") {
    if (field.unit === "元") return "money";
    if (field.unit === "比例" || field.unit === "比例（0—1）") return "ratio";
    return "number";
  }
  if (field.type === "date") return "date";
  if (field.type === "string" && CODE_NAME.test(field.name)) return "code";
  return "text";
}

/** A date cell of "YYYY-MM-DD" (midnight UTC: Excel's dates have no time zone). */
function dateValue(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
}

/**
 * One cell of the data sheet. A value of another type than its column's (text in a number
 * column, an unreadable date) is written as text rather than lost.
 */
export function dataCell(value: XlsxValue, kind: XlsxKind, lang: Lang): Cell {
  if (value === null || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    if (kind === "money") return { value, type: Number, format: MONEY_FORMAT[lang] };
    if (kind === "ratio") return { value, type: Number, format: PERCENT_FORMAT };
    return value;
  }
  if (kind === "code") return { value, type: String, format: TEXT_FORMAT };
  if (kind === "date") {
    const date = dateValue(value);
    if (date) return { value: date, type: Date, format: DATE_FORMAT };
  }
  return value;
}

/** Display width of a text in characters (a Chinese character counts two). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return width;
}

const KIND_WIDTH: Record<XlsxKind, number> = {
  text: 12,
  code: 14,
  money: 15,
  ratio: 9,
  number: 10,
  date: 11,
};

/** The text a cell shows for sizing: its string value, or "". */
function cellText(cell: Cell): string {
  const value = cell !== null && typeof cell === "object" && "value" in cell ? cell.value : cell;
  return typeof value === "string" ? value : "";
}

/**
 * Column widths in characters: the header's, or the widest text among the first `sample`
 * rows, within 8–40.
 */
export function columnWidths(
  columns: readonly XlsxColumn[],
  body: readonly Row[],
  sample = 200,
): number[] {
  return columns.map((column, i) => {
    let width = Math.max(KIND_WIDTH[column.kind], textWidth(column.label) + 2);
    if (column.kind === "text") {
      for (const row of body.slice(0, sample)) {
        width = Math.max(width, textWidth(cellText(row[i])) + 1);
      }
    }
    return Math.min(40, Math.max(8, width));
  });
}

const bold = (value: string): Cell => ({ value, fontWeight: "bold" });
const wrapped = (value: string): Cell => (value ? { value, wrap: true } : null);

/** One record as the cells of a data row, its values in column order. */
export function dataRow(
  values: readonly XlsxValue[],
  columns: readonly XlsxColumn[],
  lang: Lang,
): Row {
  const cells: Row = new Array<Cell>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    cells[i] = dataCell(values[i] ?? null, (columns[i] as XlsxColumn).kind, lang);
  }
  return cells;
}

/** The data sheet: the header row (bold), then the body. */
export function dataSheet(book: XlsxWorkbook): SheetData {
  return [book.columns.map((c) => bold(c.label)), ...book.body];
}

/** The About sheet: a title, one line per fact, then the table of the columns. */
export function aboutSheet(book: XlsxWorkbook): SheetData {
  const { title, lines, fieldHeadings, fields } = book.about;
  return [
    [{ value: title, fontWeight: "bold", fontSize: 14 }],
    [],
    // Not wrapped: a long line (a citation, an address) runs on over the empty cells beside it.
    ...lines.map(([heading, text]): Row => [bold(heading), text || null]),
    [],
    fieldHeadings.map(bold),
    ...fields.map((f): Row => [f.name || null, f.label, f.unit || null, wrapped(f.description)]),
  ];
}

/**
 * The workbook as write-excel-file's sheets: the data sheet with its header row frozen
 * (the pane split below it), then the About sheet.
 */
export function workbookSheets(book: XlsxWorkbook): Sheet<never>[] {
  return [
    {
      sheet: book.sheets.data,
      data: dataSheet(book),
      columns: columnWidths(book.columns, book.body).map((width) => ({ width })),
      stickyRowsCount: 1,
    },
    {
      sheet: book.sheets.about,
      data: aboutSheet(book),
      columns: [{ width: 22 }, { width: 28 }, { width: 18 }, { width: 80 }],
    },
  ];
}
