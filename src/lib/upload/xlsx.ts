/**
 * One worksheet of an XLSX workbook as rows of text, as the spreadsheet shows them, read
 * with read-excel-file (its universal build runs in workerd). The sheet read is the first
 * visible one in the workbook's tab order, or the one the clerk picked; hidden sheets are
 * never read by default. Numbers come as Excel shows them (15 significant digits), date
 * cells (any date format, 1900 or 1904 system) as YYYY-MM-DD.
 */
import { InvalidInputError, InvalidSpreadsheetError, readSheet } from "read-excel-file/universal";
import { Parser } from "saxen";
import { unzipSync, zipSync } from "fflate";
import { UploadFileError } from "./errors.ts";
import { columnLetter } from "./header.ts";
import { excelNumberText } from "./normalise.ts";

export interface SheetTab {
  name: string;
  visible: boolean;
}

export interface XlsxSheet {
  /** The sheet read. */
  sheet: string;
  /** Every visible sheet, in tab order (the clerk may pick another). */
  visible: string[];
  /** Rows from row 1; row i is the spreadsheet's row i + 1. */
  rows: string[][];
}

const notXlsx = (why = "") =>
  new UploadFileError(
    `The file is not a valid XLSX workbook${why ? ` (${why})` : ""}.`,
    "文件不是有效的 Excel（.xlsx）工作簿：可能已损坏，或只是改了扩展名。请用 Excel/WPS 另存为 .xlsx 或 CSV 后重新上传。",
  );

/** The workbook's tabs in order, with their visibility (xl/workbook.xml, any prefix). */
function workbookTabs(files: Record<string, Uint8Array>): SheetTab[] {
  const xml = files["xl/workbook.xml"];
  if (!xml) throw notXlsx("no xl/workbook.xml");
  const tabs: SheetTab[] = [];
  const parser = new Parser();
  parser.on("openTag", (name, attrs, decode) => {
    if (name !== "sheet" && !name.endsWith(":sheet")) return;
    const a = attrs();
    if (a.name) tabs.push({ name: decode(a.name), visible: (a.state ?? "visible") === "visible" });
  });
  parser.on("error", () => {
    throw notXlsx("xl/workbook.xml is not XML");
  });
  try {
    parser.parse(new TextDecoder().decode(xml));
  } catch (error) {
    throw error instanceof UploadFileError ? error : notXlsx("xl/workbook.xml is not XML");
  }
  return tabs;
}

/** A number cell's stored text, kept apart from text cells that look like numbers. */
interface StoredNumber {
  stored: string;
}

/** At most this much XML unpacked from one upload (a 2 MB file of real data is far less). */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A cell or row start tag without its r attribute (any namespace prefix). */
const MISSING_REFERENCE = /<(?:\w+:)?(?:row|c)(?=[\s/>])(?![^>]*\sr=)/;

/**
 * Fills in the r attributes of <row> and <c> that a producer left out (the format allows
 * it; read-excel-file needs them): a row counts on from the row before, a cell from the
 * cell before it in its row. Only start tags are touched, never text.
 */
export function withCellReferences(xml: string): string {
  let row = 0;
  let column = -1;
  return xml.replace(
    /<((?:\w+:)?)(row|c)(?=[\s/>])([^>]*)>/g,
    (tag, prefix: string, name: string, attrs: string) => {
      const r = /\sr="([^"]*)"/.exec(attrs)?.[1];
      if (name === "row") {
        row = r ? Number(r) : row + 1;
        column = -1;
        return r ? tag : `<${prefix}row r="${row}"${attrs}>`;
      }
      if (r) {
        column = columnIndex(r);
        return tag;
      }
      column += 1;
      return `<${prefix}c r="${columnLetter(column)}${row}"${attrs}>`;
    },
  );
}

/**
 * The indexes of the cell styles (cellXfs) whose number format shows a percentage: the
 * built-in 0% and 0.00% (9, 10), or a format with a % outside quotes and escapes.
 */
export function percentStyles(stylesXml: string): Set<number> {
  const formats = new Map<number, string>();
  const percent = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  const parser = new Parser();
  parser.on("openTag", (name, attrs, decode) => {
    const local = name.replace(/^\w+:/, "");
    if (local === "numFmt") {
      const a = attrs();
      formats.set(Number(a.numFmtId), decode(a.formatCode ?? ""));
    } else if (local === "cellXfs") inCellXfs = true;
    else if (local === "xf" && inCellXfs) {
      const id = Number(attrs().numFmtId ?? 0);
      const code = (formats.get(id) ?? "").replace(/"[^"]*"|\\./g, "");
      if (id === 9 || id === 10 || code.includes("%")) percent.add(index);
      index += 1;
    }
  });
  parser.on("closeTag", (name) => {
    if (name.replace(/^\w+:/, "") === "cellXfs") inCellXfs = false;
  });
  parser.parse(stylesXml);
  return percent;
}

/**
 * Percentages as people see them: a cell shown as 60% stores 0.6, and a clerk who typed
 * 60% into 进度 means 60. The stored value of each number cell with a percent style is
 * multiplied by 100 (to 15 significant digits, as Excel shows it).
 */
export function withPercentsAsShown(sheetXml: string, percent: Set<number>): string {
  if (percent.size === 0) return sheetXml;
  return sheetXml.replace(
    /<((?:\w+:)?)c(\s[^>]*?)?(?<!\/)>([\s\S]*?)<\/\1c>/g,
    (cell, prefix: string, attrs = "", body: string) => {
      const style = /\ss="(\d+)"/.exec(attrs)?.[1];
      const type = /\st="(\w+)"/.exec(attrs)?.[1] ?? "n";
      if (style === undefined || type !== "n" || !percent.has(Number(style))) return cell;
      const shown = body.replace(
        new RegExp(`<${prefix}v>([^<]*)</${prefix}v>`),
        (_, v: string) => `<${prefix}v>${excelNumberText(String(Number(v) * 100))}</${prefix}v>`,
      );
      return `<${prefix}c${attrs}>${shown}</${prefix}c>`;
    },
  );
}

/** "AB12" → 27. */
function columnIndex(reference: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(reference)?.[0] ?? "A") n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * The workbook's XML parts, unzipped here, synchronously, once. A workbook that would
 * unpack to more than MAX_UNPACKED_BYTES (a ZIP bomb) is refused before anything is
 * inflated.
 */
function unpack(bytes: Uint8Array): Record<string, Uint8Array> {
  const keep = (name: string) => name.endsWith(".xml") || name.endsWith(".rels");
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (keep(f.name)) unpacked += f.originalSize;
        return false;
      },
    });
  } catch {
    throw notXlsx("not a ZIP archive");
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new UploadFileError(
      `The workbook unpacks to ${unpacked} bytes; at most ${MAX_UNPACKED_BYTES} are read.`,
      "工作簿解压后过大，无法读取：请只保留要上传的数据，或另存为 CSV 后上传。",
      413,
    );
  }
  try {
    return unzipSync(bytes, { filter: (f) => keep(f.name) });
  } catch {
    throw notXlsx("a part cannot be unzipped");
  }
}

/**
 * The workbook as read-excel-file will get it. It needs every cell's reference, and it
 * gives a percentage's stored value (0.6 for 60%): references are filled in and
 * percentages made as shown. And its unzip is fflate's asynchronous one, which inflates a
 * part of 512 KB or more in a Web Worker, and workerd has none ("Worker is not defined" on
 * a 3,000-row sheet): the parts, already unzipped here, are handed over stored
 * uncompressed, which fflate slices without a worker (and without inflating them again).
 */
function readableCopy(files: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> {
  const styles = files["xl/styles.xml"];
  const percent = styles ? percentStyles(new TextDecoder().decode(styles)) : new Set<number>();
  const parts = { ...files };
  for (const [name, content] of Object.entries(files)) {
    if (!name.startsWith("xl/worksheets/") || !name.endsWith(".xml")) continue;
    const xml = new TextDecoder().decode(content);
    const read = withPercentsAsShown(
      MISSING_REFERENCE.test(xml) ? withCellReferences(xml) : xml,
      percent,
    );
    if (read !== xml) parts[name] = new TextEncoder().encode(read);
  }
  return zipSync(parts, { level: 0 });
}

/** One cell as text: numbers as Excel shows them, dates as YYYY-MM-DD, booleans as TRUE/FALSE. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "stored" in value) {
    return excelNumberText((value as StoredNumber).stored);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return excelNumberText(String(value));
  return String(value);
}

/** Reads one sheet: `sheet` by name, or the first visible tab. */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<XlsxSheet> {
  const files = unpack(bytes);
  const tabs = workbookTabs(files);
  const visible = tabs.filter((t) => t.visible).map((t) => t.name);
  let chosen: string;
  if (sheet !== undefined && sheet !== "") {
    const tab = tabs.find((t) => t.name === sheet);
    if (!tab || !tab.visible) {
      throw new UploadFileError(
        `The workbook has no visible sheet named "${sheet}".`,
        `工作簿里没有名为“${sheet}”的${tab ? "可见" : ""}工作表；可选的工作表：${visible.join("、")}。`,
      );
    }
    chosen = sheet;
  } else {
    const first = visible[0];
    if (first === undefined) {
      throw new UploadFileError(
        "The workbook has no visible sheet.",
        "工作簿里没有可见的工作表：请在 Excel/WPS 中取消隐藏要上传的工作表后重新保存。",
      );
    }
    chosen = first;
  }
  try {
    const buffer = readableCopy(files).buffer;
    // Numbers as their stored text, so that Excel's rounding to 15 digits is ours to apply.
    const data = await readSheet(buffer, chosen, {
      parseNumber: (stored: string): StoredNumber => ({ stored }),
      trim: false,
    });
    return { sheet: chosen, visible, rows: data.map((row) => row.map(cellText)) };
  } catch (error) {
    throw readError(error);
  }
}

function readError(error: unknown): UploadFileError {
  if (error instanceof UploadFileError) return error;
  if (error instanceof InvalidInputError) {
    const code = (error as { code?: string }).code;
    if (code === "XLS_FILE_NOT_SUPPORTED") {
      return new UploadFileError(
        "Old Excel .xls files are not accepted; save as .xlsx or CSV.",
        "不支持旧版 Excel（.xls）文件：请另存为 .xlsx 或 CSV 后上传。",
      );
    }
    return notXlsx(code ?? "");
  }
  if (error instanceof InvalidSpreadsheetError) {
    return new UploadFileError(
      `The workbook could not be read: ${error.message}`,
      `工作簿的内容无法读取（${error.message}）：请在 Excel/WPS 中打开后重新保存为 .xlsx，或另存为 CSV。`,
    );
  }
  return notXlsx(String(error));
}
