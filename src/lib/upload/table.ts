/**
 * An uploaded file as a table of text cells: CSV in UTF-8 (with or without BOM) or in
 * GB18030/GBK (what Excel on Chinese Windows saves), or XLSX (the first visible sheet, or
 * the one picked). Anything else is refused with a message in Chinese that says what the
 * file looks like instead.
 */
import type { ColumnSpec, RowError } from "./columns.ts";
import { UploadFileError } from "./errors.ts";
import {
  locateHeader,
  shownText,
  type GridRow,
  type LocatedColumn,
  type LocatedHeader,
} from "./header.ts";
import { normaliseCell } from "./normalise.ts";
import { matchTerm } from "../vocabulary.ts";
import { readXlsx } from "./xlsx.ts";

export { UploadFileError };

/** Stated limits: a county's villages for a year fit (about 250 × 12 rows). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 3_000;

/** The rows of the file (a sheet of a workbook), before the header is looked for. */
export interface Grid {
  format: "csv-utf8" | "csv-gb18030" | "xlsx";
  /** The sheet read (XLSX), or null for CSV. */
  sheet: string | null;
  /** Every visible sheet of a workbook, in tab order ([] for CSV). */
  sheets: string[];
  /** Non-blank rows with their row number as the spreadsheet shows it. */
  rows: GridRow[];
}

/** An upload read for one kind: its header located and each cell normalised for its column. */
export interface Table extends Omit<Grid, "rows"> {
  headerLine: number;
  skipped: LocatedHeader["skipped"];
  ignored: LocatedHeader["ignored"];
  columns: Map<string, LocatedColumn>;
  rows: TableRow[];
  /** The header row's cells as written. */
  headerCells: string[];
  /** What the reader should know about how the file was read (skipped total rows…). */
  notes: string[];
  /** Header errors and cells that could not be read as their column's type. */
  errors: RowError[];
}

/** A row of totals (合计, 总计, 小计, 全镇合计…): not a return. */
const TOTAL_ROW = /^(合计|总计|小计)|合计$|总计$/;
/** A signature or note line under a table (填表人, 审核人, 报送日期, 注：…): not data. */
const NOTE_ROW =
  /^(填表|制表|审核|负责人|单位负责人|统计负责人|联系人|联系电话|填报|报送|日期|注[:：]|说明[:：]|备注[:：])/;

/** Why a data row is not data, or null when it is. */
function notData(cells: string[]): string | null {
  const first = cells.map((c) => c.normalize("NFKC").replace(/\s+/g, "")).find((c) => c !== "");
  if (first === undefined) return null;
  if (TOTAL_ROW.test(first)) return "合计行";
  if (NOTE_ROW.test(first)) return "表下的落款或注释";
  return null;
}

export interface TableRow {
  line: number;
  /** Canonical text by column key ("" for an empty cell or an absent column). */
  cells: Record<string, string>;
  /** Columns whose cell is already reported in `errors`. */
  bad: Set<string>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Decodes CSV bytes: UTF-8 when valid, else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || bytes.includes(0)) {
    throw new UploadFileError(
      "The file is not text in UTF-8 or GB18030 (it looks like UTF-16 or a binary file).",
      "文件编码无法识别：请另存为“CSV UTF-8（逗号分隔）”或 Excel 默认的 CSV（GBK），不要用 UTF-16 或其他格式。",
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    try {
      return {
        text: new TextDecoder("gb18030", { fatal: true }).decode(bytes),
        encoding: "gb18030",
      };
    } catch {
      throw new UploadFileError(
        "The file is neither valid UTF-8 nor valid GB18030 text.",
        "文件编码无法识别：既不是有效的 UTF-8，也不是有效的 GBK/GB18030 文本。",
      );
    }
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
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

function nonBlank(grid: string[][]): GridRow[] {
  return grid
    .map((cells, i) => ({ line: i + 1, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
}

/**
 * Reads an uploaded file by its content (not its name): XLSX if it is a ZIP, else CSV.
 * `sheet` picks a workbook's sheet by name; by default the first visible one is read.
 */
export async function readGrid(bytes: Uint8Array, fileName: string, sheet?: string): Promise<Grid> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UploadFileError(
      `The file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB).`,
      `文件大小超过上限（2 MB）：请拆分后分别上传。`,
      413,
    );
  }
  if (bytes.length === 0) {
    throw new UploadFileError("The file is empty.", "文件是空的：没有表头，也没有数据行。");
  }
  if (/\.xls$/i.test(fileName) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UploadFileError(
      "Old Excel .xls files are not accepted; save as .xlsx or CSV.",
      "不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV 后上传。",
    );
  }
  if (startsWith(bytes, ZIP_MAGIC) || /\.xlsx$/i.test(fileName)) {
    const read = await readXlsx(bytes, sheet);
    return { format: "xlsx", sheet: read.sheet, sheets: read.visible, rows: nonBlank(read.rows) };
  }
  const { text, encoding } = decodeCsv(bytes);
  return {
    format: encoding === "utf-8" ? "csv-utf8" : "csv-gb18030",
    sheet: null,
    sheets: [],
    rows: nonBlank(parseCsv(text)),
  };
}

/**
 * Reads a file for one upload kind: the header where it is, then every cell of every data
 * row normalised for its column (periods, dates, codes, money in the header's unit).
 * Throws UploadFileError when the file is not a readable table or has too many rows.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  columns: readonly ColumnSpec[],
  sheet?: string,
  example?: readonly string[],
): Promise<Table> {
  const grid = await readGrid(bytes, fileName, sheet);
  if (grid.rows.length === 0) {
    throw new UploadFileError(
      "The file (or sheet) is empty.",
      grid.sheet === null
        ? "文件是空的：没有表头，也没有数据行。"
        : `工作表“${grid.sheet}”是空的：没有表头，也没有数据行。`,
    );
  }
  const header = locateHeader(grid.rows, columns);
  const notes = [...header.notes];
  const data = grid.rows.filter((r) => {
    if (r.line <= header.line) return false;
    const why = notData(r.cells);
    if (why) notes.push(`第 ${r.line} 行是${why}（“${shownText(r.cells)}”），不是数据，已跳过。`);
    return why === null;
  });
  if (data.length > MAX_ROWS) {
    throw new UploadFileError(
      `The file has ${data.length} data rows; at most ${MAX_ROWS} are accepted per upload.`,
      `文件有 ${data.length} 行数据，超过每次上传 ${MAX_ROWS} 行的上限：请按乡镇或月份拆分后分别上传。`,
      413,
    );
  }
  const errors: RowError[] = [...header.errors];
  const rows: TableRow[] =
    header.errors.length > 0
      ? []
      : data.map(({ line, cells: raw }) => {
          const cells: Record<string, string> = {};
          const bad = new Set<string>();
          for (const column of columns) {
            const at = header.columns.get(column.key);
            const seen = at === undefined ? "" : (raw[at.index] ?? "");
            // An empty required cell says so (money has its own message: 没有收入请填 0).
            const result =
              column.required && column.type !== "yuan" && seen.trim() === ""
                ? { ok: false as const, message: `不能为空：请填写“${column.zh}”` }
                : normaliseCell(column.type, seen, at?.power ?? 0, column.zh);
            if (result.ok) cells[column.key] = result.value;
            else {
              cells[column.key] = seen;
              bad.add(column.key);
              errors.push({
                line,
                column: column.zh,
                letter: at?.letter,
                value: seen.trim(),
                message: result.message,
              });
            }
          }
          return { line, cells, bad };
        });
  if (example) errors.push(...exampleRows(rows, columns, example, header.columns));
  return {
    format: grid.format,
    sheet: grid.sheet,
    sheets: grid.sheets,
    headerLine: header.line,
    skipped: header.skipped,
    ignored: header.ignored,
    columns: header.columns,
    rows,
    headerCells: grid.rows.find((r) => r.line === header.line)?.cells ?? [],
    notes,
    errors,
  };
}

/**
 * The template's own example row, left in the file, would be stored as real data (its
 * codes are real): it is refused, whatever the order of the columns.
 */
function exampleRows(
  rows: TableRow[],
  columns: readonly ColumnSpec[],
  example: readonly string[],
  located: Map<string, LocatedColumn>,
): RowError[] {
  const canonical = (type: ColumnSpec["type"], text: string) => {
    const read = normaliseCell(type, text);
    const value = read.ok ? read.value : text;
    return typeof type === "object" ? (matchTerm(type.vocabulary, value)?.key ?? value) : value;
  };
  const expected = columns.map((c, i) => canonical(c.type, example[i] ?? ""));
  return rows
    .filter((row) =>
      columns.every((c, i) => canonical(c.type, row.cells[c.key] ?? "") === expected[i]),
    )
    .map((row) => {
      for (const c of columns) row.bad.add(c.key);
      const first = columns[0] as ColumnSpec;
      return {
        line: row.line,
        column: first.zh,
        letter: located.get(first.key)?.letter,
        message: "这一行是模板自带的示例，不是实际数据：请删除这一行，或改成实际数据后再上传",
      };
    });
}

/**
 * The zod issues of one row as row errors, located by column letter and value; issues of
 * cells already reported (`row.bad`) are dropped.
 */
export function rowIssues(
  table: Table,
  row: TableRow,
  columns: readonly ColumnSpec[],
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): RowError[] {
  return issues
    .filter((issue) => !row.bad.has(String(issue.path[0])))
    .map((issue) => {
      const key = String(issue.path[0]);
      return {
        line: row.line,
        column: columns.find((c) => c.key === key)?.zh ?? key,
        letter: table.columns.get(key)?.letter,
        value: row.cells[key],
        message: issue.message,
      };
    });
}

/** A row error located by its column key. */
export function cellError(
  table: Table,
  line: number,
  column: ColumnSpec,
  message: string,
): RowError {
  return { line, column: column.zh, letter: table.columns.get(column.key)?.letter, message };
}
