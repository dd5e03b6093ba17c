/**
 * An uploaded file as a table of text cells: CSV in UTF-8 (with or without BOM) or in
 * GB18030/GBK (what Excel on Chinese Windows saves), or XLSX (first sheet). Anything else
 * is refused with a message in Chinese that says what the file looks like instead.
 */
import { UploadFileError } from "./errors.ts";
import { readXlsx } from "./xlsx.ts";

export { UploadFileError };

/** Stated limits: a county's villages for a year fit (about 250 × 12 rows). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 3_000;

export interface Table {
  header: string[];
  /** Data rows with their line number in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  format: "csv-utf8" | "csv-gb18030" | "xlsx";
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

function toTable(grid: string[][], format: Table["format"]): Table {
  const lines = grid.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }));
  const nonEmpty = lines.filter((r) => r.cells.some((c) => c !== ""));
  const [head, ...rows] = nonEmpty;
  if (!head)
    throw new UploadFileError("The file is empty.", "文件是空的：没有表头，也没有数据行。");
  if (rows.length > MAX_ROWS) {
    throw new UploadFileError(
      `The file has ${rows.length} data rows; at most ${MAX_ROWS} are accepted per upload.`,
      `文件有 ${rows.length} 行数据，超过每次上传 ${MAX_ROWS} 行的上限：请按乡镇或月份拆分后分别上传。`,
      413,
    );
  }
  return { header: head.cells, rows, format };
}

/** Reads an uploaded file by its content (not its name): XLSX if it is a ZIP, else CSV. */
export function readTable(bytes: Uint8Array, fileName: string): Table {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UploadFileError(
      `The file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES} bytes (2 MB).`,
      `文件大小超过上限（2 MB）：请拆分后分别上传。`,
      413,
    );
  }
  const looksXlsx = /\.xlsx$/i.test(fileName);
  if (startsWith(bytes, ZIP_MAGIC) || looksXlsx) {
    return toTable(readXlsx(bytes), "xlsx");
  }
  if (/\.xls$/i.test(fileName) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UploadFileError(
      "Old Excel .xls files are not accepted; save as .xlsx or CSV.",
      "不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV 后上传。",
    );
  }
  const { text, encoding } = decodeCsv(bytes);
  return toTable(parseCsv(text), encoding === "utf-8" ? "csv-utf8" : "csv-gb18030");
}
