/**
 * Monthly income returns from an uploaded table: every row checked (zod for the cells,
 * then the rules that need the database's answers), all errors at once, in Chinese,
 * each naming its line and column. Then the diff against the stored returns: what is
 * new, what is revised (old → new), what is unchanged.
 */
import { z } from "zod";
import { SOURCES, satisfiesIdentity, type ReturnFigures } from "../indicators.ts";
import { addMonths, PERIOD_PATTERN } from "../periods.ts";
import { describeError as describe, type ColumnSpec, type RowError } from "./columns.ts";
import { rowIssues, type Table } from "./table.ts";

export type { RowError };

export const FIGURE_COLUMNS = ["total", ...SOURCES] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** Column keys with their Chinese headers (either is accepted; the template uses Chinese). */
export const INCOME_COLUMNS: readonly (ColumnSpec & { key: ColumnKey })[] = [
  { key: "village_code", zh: "村代码", required: true, type: "code" },
  { key: "period", zh: "统计期", required: true, type: "period" },
  { key: "total", zh: "合计", required: true, type: "yuan" },
  { key: "operating", zh: "经营收入", required: true, type: "yuan" },
  { key: "contracting", zh: "发包及上交收入", required: true, type: "yuan" },
  { key: "investment", zh: "投资收益", required: true, type: "yuan" },
  { key: "subsidy", zh: "补助收入", required: true, type: "yuan" },
  { key: "other", zh: "其他收入", required: true, type: "yuan" },
  { key: "reason", zh: "说明", required: false, type: "text" },
];
type ColumnKey = "village_code" | "period" | FigureColumn | "reason";

const ZH: Record<ColumnKey, string> = Object.fromEntries(
  INCOME_COLUMNS.map((c) => [c.key, c.zh]),
) as Record<ColumnKey, string>;

export interface IncomeRow extends ReturnFigures {
  line: number;
  village_code: string;
  period: string;
  reason: string | null;
}

/** An amount already read as whole yuan by the cell rules (normalise.ts); only "" is left. */
const yuan = z.string().refine((value) => value !== "", { error: "不能为空，没有收入请填 0" });

export const IncomeCellsSchema = z.object({
  village_code: z
    .string()
    .regex(/^\d{12}$/, { error: (i) => `“${String(i.input)}”不是12位村级区划代码` }),
  period: z.string().regex(PERIOD_PATTERN, {
    error: (i) => `“${String(i.input)}”不是统计期：请写成“年-月”，例如 2026-10`,
  }),
  total: yuan,
  operating: yuan,
  contracting: yuan,
  investment: yuan,
  subsidy: yuan,
  other: yuan,
  reason: z.string().max(500, { error: "说明不能超过500字" }),
});

/**
 * Cell-level checks of every row of a table read with INCOME_COLUMNS: types, the identity,
 * duplicates within the file. Errors already found while reading the cells are kept.
 */
export function parseIncomeTable(table: Table): { rows: IncomeRow[]; errors: RowError[] } {
  const errors: RowError[] = [...table.errors];
  const rows: IncomeRow[] = [];
  const seen = new Map<string, number>();
  const at = (key: ColumnKey) => table.columns.get(key)?.letter;
  for (const row of table.rows) {
    const { line } = row;
    const parsed = IncomeCellsSchema.safeParse(row.cells);
    if (!parsed.success || row.bad.size > 0) {
      if (!parsed.success)
        errors.push(...rowIssues(table, row, INCOME_COLUMNS, parsed.error.issues));
      continue;
    }
    const figures = Object.fromEntries(
      FIGURE_COLUMNS.map((k) => [k, Number(parsed.data[k])]),
    ) as ReturnFigures;
    if (!satisfiesIdentity(figures)) {
      const sum = SOURCES.reduce((s, k) => s + figures[k], 0);
      errors.push({
        line,
        column: ZH.total,
        letter: at("total"),
        value: String(figures.total),
        message: `合计 ${figures.total} 不等于五项收入之和 ${sum}（经营+发包及上交+投资收益+补助+其他）：请核对各项收入或合计`,
      });
      continue;
    }
    const key = `${parsed.data.village_code}|${parsed.data.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        column: ZH.village_code,
        letter: at("village_code"),
        value: parsed.data.village_code,
        message: `与第${first}行重复：同一个村同一统计期只能有一行（${parsed.data.village_code}，${parsed.data.period}）`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      village_code: parsed.data.village_code,
      period: parsed.data.period,
      reason: parsed.data.reason.trim() || null,
      ...figures,
    });
  }
  return { rows, errors };
}

export interface IncomeContext {
  /** The uploader's subtree (a clerk's region), or null for any region. */
  scope: string | null;
  /** What the regions table says of each code in the file (absent = unknown code). */
  kinds: Map<string, string>;
  /** Stored current returns by "code|period", for every month of the file's years. */
  current: Map<string, ReturnFigures & { id: number }>;
  /** The latest period that may be reported (the current month). */
  latestPeriod: string;
}

/**
 * The nearest month of the same year before (step -1) or after (step 1) a row's period with
 * a year-to-date figure for its village: the file's own row first, else the stored return.
 */
function nearestInYear(
  row: IncomeRow,
  step: -1 | 1,
  inFile: Map<string, IncomeRow>,
  current: Map<string, ReturnFigures>,
): { period: string; total: number } | null {
  const year = row.period.slice(0, 4);
  for (let p = addMonths(row.period, step); p.startsWith(year); p = addMonths(p, step)) {
    const key = `${row.village_code}|${p}`;
    const found = inFile.get(key) ?? current.get(key);
    if (found) return { period: p, total: found.total };
  }
  return null;
}

/**
 * A village code never ends in 000 (that is its township padded out): such a code has
 * usually been through Excel's scientific notation (4.50422E+11 → 450422000000).
 */
export function trailingZerosHint(code: string): string {
  return /000$/.test(code)
    ? "：末尾是一串 0，多半是 Excel 曾把代码显示成科学计数法（如 4.50422E+11）后又存回，原来的末几位已经丢失。请重新输入完整的 12 位代码，并把代码列设为“文本”格式，或改用 XLSX 模板"
    : "";
}

/** The rules that need the database: codes, region scope, periods, falling year-to-date. */
export function checkIncomeRows(rows: IncomeRow[], ctx: IncomeContext): RowError[] {
  const errors: RowError[] = [];
  const inFile = new Map(rows.map((r) => [`${r.village_code}|${r.period}`, r]));
  for (const r of rows) {
    const kind = ctx.kinds.get(r.village_code);
    if (!kind) {
      errors.push({
        line: r.line,
        column: ZH.village_code,
        value: r.village_code,
        message: `区划代码 ${r.village_code} 不存在${trailingZerosHint(r.village_code)}`,
      });
      continue;
    }
    if (ctx.scope !== null && !r.village_code.startsWith(ctx.scope)) {
      errors.push({
        line: r.line,
        column: ZH.village_code,
        message: `${r.village_code} 不在您负责的地区（${ctx.scope}）内，不能上报`,
      });
      continue;
    }
    if (kind !== "village_committee") {
      errors.push({
        line: r.line,
        column: ZH.village_code,
        message: `${r.village_code} 是城镇社区（居委会），不是村委会，不报送村集体经济收入`,
      });
      continue;
    }
    if (r.period > ctx.latestPeriod) {
      errors.push({
        line: r.line,
        column: ZH.period,
        message: `统计期 ${r.period} 还没有到（最晚可报 ${ctx.latestPeriod}）`,
      });
      continue;
    }
    if (r.reason === null) {
      const earlier = nearestInYear(r, -1, inFile, ctx.current);
      const later = nearestInYear(r, 1, inFile, ctx.current);
      if (earlier && r.total < earlier.total) {
        errors.push({
          line: r.line,
          column: ZH.total,
          value: String(r.total),
          message: `累计数 ${r.total} 比 ${earlier.period} 的 ${earlier.total} 少：年内累计数不应下降，如确有原因（如冲减、更正）请在“说明”列写明`,
        });
      } else if (later && r.total > later.total) {
        errors.push({
          line: r.line,
          column: ZH.total,
          value: String(r.total),
          message: `累计数 ${r.total} 比之后 ${later.period} 已报的 ${later.total} 多：年内累计数不应下降。请在同一文件中一并修订之后的月份，或在“说明”列写明原因`,
        });
      }
    }
  }
  return errors;
}

export interface IncomeDiff {
  added: IncomeRow[];
  revised: { row: IncomeRow; before: ReturnFigures }[];
  unchanged: IncomeRow[];
}

export function diffIncome(
  rows: IncomeRow[],
  current: Map<string, ReturnFigures & { id: number }>,
): IncomeDiff {
  const diff: IncomeDiff = { added: [], revised: [], unchanged: [] };
  for (const row of rows) {
    const before = current.get(`${row.village_code}|${row.period}`);
    if (!before) diff.added.push(row);
    else if (FIGURE_COLUMNS.every((k) => before[k] === row[k])) diff.unchanged.push(row);
    else diff.revised.push({ row, before });
  }
  return diff;
}

/** One line per error, as the report shows them. */
export const describeError = describe;

/** The templates' example row (CSV and XLSX), in the order of INCOME_COLUMNS. */
export const INCOME_TEMPLATE_EXAMPLE = [
  "450422104211",
  "2026-10",
  "100000",
  "40000",
  "30000",
  "7800",
  "20000",
  "2200",
  "",
] as const;

/** The template's header row and one example row. */
export function incomeTemplateCsv(): string {
  const header = INCOME_COLUMNS.map((c) => c.zh).join(",");
  return `\uFEFF${header}\r\n${INCOME_TEMPLATE_EXAMPLE.join(",")}\r\n`;
}
