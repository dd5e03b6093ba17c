/** Header rows of uploaded tables: each column by its key or its Chinese name. */

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

/** The names of the shared vocabularies (src/lib/vocabulary.ts). */
export type VocabularyName =
  | "project_status"
  | "problem_status"
  | "target_status"
  | "target_phase"
  | "project_category"
  | "problem_category"
  | "problem_channel"
  | "target_category";

export interface ColumnSpec {
  key: string;
  zh: string;
  required: boolean;
  type: CellType;
}

export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** Maps header cells to column keys; names each missing required column. */
export function mapColumns(
  header: string[],
  columns: readonly ColumnSpec[],
): { index: Map<string, number>; errors: RowError[] } {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = cell.replace(/^\uFEFF/, "").trim();
    const column = columns.find((c) => c.key === name.toLowerCase() || c.zh === name);
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  const errors = columns
    .filter((c) => c.required && !index.has(c.key))
    .map((c) => ({
      line: 1,
      column: c.zh,
      message: `缺少“${c.zh}”列（表头应为：${columns.map((x) => x.zh).join("，")}）`,
    }));
  return { index, errors };
}

/** The cells of a row by column key ("" for absent columns). */
export function cellsOf(
  cells: string[],
  index: Map<string, number>,
  columns: readonly ColumnSpec[],
): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.key, cells[index.get(c.key) ?? -1] ?? ""]));
}

/** One line per error, as the report shows them. */
export function describeError(e: RowError): string {
  return e.line === 1 && e.message.startsWith("缺少")
    ? `表头：${e.message}`
    : `第${e.line}行，“${e.column}”列：${e.message}`;
}

/** A template file: BOM (so Excel reads UTF-8), the Chinese header, one example row. */
export function templateCsv(columns: readonly ColumnSpec[], example: string[]): string {
  return `\uFEFF${columns.map((c) => c.zh).join(",")}\r\n${example.join(",")}\r\n`;
}
