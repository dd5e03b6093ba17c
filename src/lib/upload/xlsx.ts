/**
 * The first worksheet of an XLSX file as rows of text: unzip (fflate), then read
 * xl/sharedStrings.xml and the first sheet's XML. Only what a data sheet needs: shared
 * and inline strings, numbers, booleans; formulas give their cached value.
 */
import { unzipSync } from "fflate";
import { UploadFileError } from "./errors.ts";

const notXlsx = () =>
  new UploadFileError(
    "The file is not a valid XLSX workbook.",
    "文件不是有效的 Excel（.xlsx）工作簿：可能已损坏，或只是改了扩展名。请用 Excel/WPS 另存为 .xlsx 或 CSV 后重新上传。",
  );

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** The text of every <t> inside a fragment (rich text has several runs). */
function textOf(fragment: string): string {
  return [...fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
    .map((m) => decodeXml(m[1] ?? ""))
    .join("");
}

/** "C12" → column index 2. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw notXlsx();
  }
  const decoder = new TextDecoder();
  const sheetName =
    Object.keys(files).find((f) => f === "xl/worksheets/sheet1.xml") ??
    Object.keys(files)
      .filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))
      .sort()[0];
  const sheetBytes = sheetName ? files[sheetName] : undefined;
  if (!files["[Content_Types].xml"] || !sheetBytes) throw notXlsx();
  const sharedBytes = files["xl/sharedStrings.xml"];
  const shared = sharedBytes
    ? [...decoder.decode(sharedBytes).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        textOf(m[1] ?? ""),
      )
    : [];
  const rows: string[][] = [];
  const sheet = decoder.decode(sheetBytes);
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? "")?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const cell of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1] ?? "";
      const body = cell[2] ?? "";
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = "";
      if (type === "s") value = shared[Number(raw)] ?? "";
      else if (type === "inlineStr") value = textOf(body);
      else if (type === "b") value = raw === "1" ? "TRUE" : "FALSE";
      else if (raw !== undefined) value = decodeXml(raw);
      cells[ref ? columnIndex(ref) : cells.length] = value;
    }
    // Blank rows in the sheet keep their line numbers, so errors name the right row.
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(Array.from(cells, (c) => c ?? ""));
  }
  return rows;
}
