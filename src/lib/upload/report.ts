/**
 * What every upload report says about the file itself, whatever its kind: the sheet read
 * and the others a clerk could pick, where the header was found and which rows above it
 * were skipped, which columns were not read, and every error located by sheet, row,
 * column letter and header.
 */
import { describeError, type ColumnSpec, type RowError } from "./columns.ts";
import { KIND_COLUMNS, wrongKindNote, type UploadKind } from "./kinds.ts";
import type { Table } from "./table.ts";

export interface FileReport {
  fileName: string;
  format: Table["format"];
  /** The sheet read (XLSX), or null for CSV. */
  sheet: string | null;
  /** Every visible sheet, in tab order: the upload form offers the others. */
  sheets: string[];
  /** The row the header was found on. */
  header_line: number;
  /** Rows above the header (titles, notes), skipped. */
  skipped: { line: number; text: string }[];
  /** Header cells not read, with why. */
  ignored: { letter: string; header: string; reason: string }[];
  /** How the file was read, beyond the above (a unit noted above the header, rows skipped). */
  notes: string[];
  /** Data rows. */
  rows: number;
  errors: (RowError & { text: string })[];
}

/** Errors in row order, each with its column letter (from the header) and its text. */
export function reportErrors(
  table: Table,
  columns: readonly ColumnSpec[],
  errors: RowError[],
): FileReport["errors"] {
  const position = (e: RowError) => {
    const key = columns.find((c) => c.zh === e.column)?.key;
    return key ? (table.columns.get(key)?.index ?? -1) : -1;
  };
  return [...errors]
    .sort((a, b) => a.line - b.line || position(a) - position(b))
    .map((e) => {
      const key = columns.find((c) => c.zh === e.column)?.key;
      const found = key ? table.columns.get(key) : undefined;
      const letter = e.letter ?? found?.letter;
      const located = { ...e, ...(letter ? { letter } : {}) };
      // The column as the file names it (合计（万元）), where it was found.
      return { ...located, text: describeError(located, table.sheet, found?.header) };
    });
}

/** The file part of a report. */
export function fileReport(
  table: Table,
  fileName: string,
  kind: UploadKind,
  errors: RowError[],
): FileReport {
  const columns = KIND_COLUMNS[kind];
  const wrongKind = table.errors.some((e) => e.message.startsWith("缺少"))
    ? wrongKindNote(table.headerCells, kind)
    : null;
  return {
    fileName,
    format: table.format,
    sheet: table.sheet,
    sheets: table.sheets,
    header_line: table.headerLine,
    skipped: table.skipped,
    ignored: table.ignored,
    notes: wrongKind ? [wrongKind, ...table.notes] : table.notes,
    rows: table.rows.length,
    errors: reportErrors(table, columns, errors),
  };
}
