/** Header rows of uploaded tables: each column by its key or its Chinese name. */
import type { VocabularyName } from "../vocabulary.ts";

/**
 * What a column holds: it decides how a cell is normalised before its check (codes,
 * periods, dates and numbers are NFKC-normalised; free text keeps its typography), whether
 * a unit in the header converts the values (money), and how the XLSX template formats the
 * column (codes as text, dates as dates, vocabularies as drop-down lists).
 */
export type CellType =
  | "code"
  | "id"
  | "period"
  | "date"
  | "yuan"
  | "integer"
  | "decimal"
  | "text"
  | { vocabulary: VocabularyName };

/** The names of the shared vocabularies (defined in src/lib/vocabulary.ts). */
export type { VocabularyName };

export interface ColumnSpec {
  key: string;
  zh: string;
  required: boolean;
  type: CellType;
}

export interface RowError {
  /** The row number as the spreadsheet shows it (the CSV line for a CSV). */
  line: number;
  /** The column's name (its Chinese header). */
  column: string;
  /** The column letter as the spreadsheet shows it, when the column was found. */
  letter?: string;
  /** The cell's value as the clerk sees it. */
  value?: string;
  message: string;
}

/**
 * One line per error, as the report shows them: where (sheet, row, column letter and
 * header), then what is wrong and what to do.
 */
export function describeError(
  e: RowError,
  sheet: string | null = null,
  header: string = e.column,
): string {
  const where = sheet === null ? "" : `工作表“${sheet}”`;
  if (e.message.startsWith("缺少") || e.message.startsWith("表头"))
    return `${where}表头：${e.message}`;
  const column = e.letter ? `${e.letter}列“${header}”` : `“${e.column}”列`;
  return `${where}第${e.line}行，${column}：${e.message}`;
}

/** A template file: BOM (so Excel reads UTF-8), the Chinese header, one example row. */
export function templateCsv(columns: readonly ColumnSpec[], example: string[]): string {
  return `\uFEFF${columns.map((c) => c.zh).join(",")}\r\n${example.join(",")}\r\n`;
}
