/**
 * The header where it is: the first row (of the first 20) that holds every required column
 * name. Title rows, notes and blank rows above it are skipped and reported. Names match
 * after NFKC, without spaces or line breaks inside the cell, without a required-mark (*),
 * and without a unit in brackets — 合计（元）, 合计(万元), 合计【元】 — whose unit converts the
 * values of money columns exactly (万元 → ×10,000).
 */
import type { ColumnSpec, RowError } from "./columns.ts";

/** How far down a header is looked for. */
const HEADER_SEARCH_ROWS = 20;

/** Powers of ten of the money units a header may carry. */
const MONEY_UNITS: Record<string, number> = { 元: 0, 人民币元: 0, 千元: 3, 万元: 4, 亿元: 8 };

export interface GridRow {
  /** The row number as the spreadsheet (or the CSV line count) shows it. */
  line: number;
  cells: string[];
}

export interface LocatedColumn {
  index: number;
  /** Column letter as the spreadsheet shows it (A, B, … AA). */
  letter: string;
  /** The header cell as written, without line breaks. */
  header: string;
  /** Power of ten of the header's money unit (万元 = 4); 0 otherwise. */
  power: number;
}

export interface LocatedHeader {
  line: number;
  columns: Map<string, LocatedColumn>;
  /** Rows above the header, with their text, reported as skipped. */
  skipped: { line: number; text: string }[];
  /** Header cells that name no column, or repeat one already read. */
  ignored: { letter: string; header: string; reason: string }[];
  /** What the reader should know about how the file was read (a unit noted above it). */
  notes: string[];
  errors: RowError[];
}

/** A unit noted above the header: "单位：万元", "金额单位:元". */
const UNIT_NOTE = /单位[:：]?(?:人民币)?(亿元|万元|千元|元)/;

/** 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A header cell's name and unit: "合计\n（万元）" → { name: "合计", unit: "万元" }. */
export function headerName(cell: string): { name: string; unit: string | null } {
  let text = cell
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^[*＊]+|[*＊]+$/g, "");
  const unit = /[([【]([^()[\]【】]*)[)\]】]$/.exec(text);
  if (unit) text = text.slice(0, unit.index);
  return { name: text.replace(/[*＊:：]+$/g, ""), unit: unit ? (unit[1] ?? "") : null };
}

function matchColumn(cell: string, columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  const { name } = headerName(cell);
  if (name === "") return undefined;
  const lower = name.toLowerCase();
  return columns.find((c) => c.zh === name || c.key === lower);
}

/** A row as a short text for messages: its cells, at most 40 characters. */
export function shownText(cells: string[]): string {
  const text = cells
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" ");
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Finds the header row in the first rows of a grid and maps each column to its cell index.
 * Errors name missing required columns and money units that cannot be read.
 */
export function locateHeader(grid: GridRow[], columns: readonly ColumnSpec[]): LocatedHeader {
  const candidates = grid.slice(0, HEADER_SEARCH_ROWS);
  const required = columns.filter((c) => c.required);
  const score = (row: GridRow) =>
    new Set(row.cells.map((cell) => matchColumn(cell, columns)?.key).filter(Boolean)).size;
  const complete = candidates.find((row) =>
    required.every((c) => row.cells.some((cell) => matchColumn(cell, columns) === c)),
  );
  const best =
    complete ??
    candidates.reduce<GridRow | undefined>(
      (top, row) => (top === undefined || score(row) > score(top) ? row : top),
      undefined,
    );
  const headerRow = best && score(best) > 0 ? best : candidates[0];
  const line = headerRow?.line ?? 1;
  const located: LocatedHeader = {
    line,
    columns: new Map(),
    skipped: grid
      .filter((r) => r.line < line)
      .map((r) => ({ line: r.line, text: shownText(r.cells) }))
      .filter((r) => r.text !== ""),
    ignored: [],
    notes: [],
    errors: [],
  };
  // A unit noted in a title or note row above the header applies to every money column
  // whose header names no unit of its own.
  const noted = grid
    .filter((r) => r.line < line)
    .map((r) => ({
      line: r.line,
      unit: UNIT_NOTE.exec(r.cells.join("").normalize("NFKC").replace(/\s+/g, ""))?.[1],
    }))
    .find((r) => r.unit !== undefined);
  const notedPower = noted?.unit ? (MONEY_UNITS[noted.unit] ?? 0) : 0;
  (headerRow?.cells ?? []).forEach((cell, index) => {
    const letter = columnLetter(index);
    const header = cell.replace(/\s*[\r\n]+\s*/g, "").trim();
    if (header === "") return;
    const column = matchColumn(cell, columns);
    if (!column) {
      located.ignored.push({ letter, header, reason: "不是本类上传的列" });
      return;
    }
    const first = located.columns.get(column.key);
    if (first) {
      located.ignored.push({
        letter,
        header,
        reason: `与${first.letter}列“${first.header}”重复，只读取${first.letter}列`,
      });
      return;
    }
    const { unit } = headerName(cell);
    let power = column.type === "yuan" ? notedPower : 0;
    if (column.type === "yuan" && unit !== null) {
      const known = MONEY_UNITS[unit];
      if (known === undefined) {
        located.errors.push({
          line,
          column: column.zh,
          letter,
          value: header,
          message: `表头“${header}”的单位“${unit}”无法识别：金额请以元或万元为单位`,
        });
        return;
      }
      power = known;
    }
    located.columns.set(column.key, { index, letter, header, power });
  });
  if (
    noted?.unit &&
    noted.unit !== "元" &&
    [...located.columns.values()].some((c) => c.power === notedPower && notedPower > 0)
  ) {
    located.notes.push(
      `第 ${noted.line} 行注明金额单位为“${noted.unit}”：表头未写单位的金额列已按${noted.unit}换算为元。`,
    );
  }
  for (const c of required) {
    if (located.columns.has(c.key) || located.errors.some((e) => e.column === c.zh)) continue;
    located.errors.push({
      line,
      column: c.zh,
      message: `缺少“${c.zh}”列（表头应为：${columns.map((x) => x.zh).join("，")}；表头在第${line}行）`,
    });
  }
  return located;
}
