/**
 * Cells as people see them, before any check: what Excel, WPS and LibreOffice store for a
 * cell a clerk typed becomes the text the clerk meant. Codes, periods, dates and numbers
 * are NFKC-normalised (full-width digits, －, ／, ．, full-width space) and lose inner spaces;
 * free text keeps its typography (only trimmed). Each rule returns the canonical text or a
 * Chinese message that shows the value as seen and says how to fix it.
 */
import type { CellType } from "./columns.ts";

export type Normalised = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Normalised => ({ ok: true, value });
const fail = (message: string): Normalised => ({ ok: false, message });

/** NFKC and no whitespace at all: for codes, periods, dates and numbers. */
export function compact(raw: string): string {
  // A leading ' is how Excel and WPS are told to keep a number as text: not part of it.
  return raw.normalize("NFKC").replace(/\s+/g, "").replace(/^'/, "");
}

/**
 * A number as Excel shows it: rounded to 15 significant digits, so that binary noise from
 * a formula (12.46 × 10000 = 124600.00000000001) disappears while a real fraction stays.
 * `raw` is the number's text as stored in the sheet XML.
 */
export function excelNumberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const shown = Number(n.toPrecision(15));
  return Math.abs(shown) < 1e21 && (shown === 0 || Math.abs(shown) >= 1e-6) ? String(shown) : raw;
}

/** Excel's scientific display of a long number, e.g. 4.50422E+11. */
const SCIENTIFIC = /^-?\d(\.\d+)?E\+?\d+$/i;

/** A day serial as Excel stores a date (20000 = 1954, 80000 = 2119). */
function serialHint(value: string): string {
  if (!/^\d{5}(\.\d+)?$/.test(value)) return "";
  const serial = Math.floor(Number(value));
  if (serial < 20_000 || serial > 80_000) return "";
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  return `；这是 Excel 的日期序号（对应 ${date}），单元格的日期格式丢失了：请把这一列设为日期格式，或直接写成文字`;
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1900 &&
    y <= 2100 &&
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === m - 1 &&
    t.getUTCDate() === d
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD from the ways people write a date; null when it is not one. */
export function parseDate(value: string): string | null {
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/**
 * YYYY-MM from the ways people write a month: 2026-10, 2026/10, 2026.10, 2026年10月,
 * 202610, or a whole date (2026/10/1, a date cell), which stands for its month.
 */
export function parsePeriod(value: string): string | null {
  const m =
    /^(\d{4})[-/.](\d{1,2})$/.exec(value) ??
    /^(\d{4})年(\d{1,2})月?$/.exec(value) ??
    /^(\d{4})(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}` : null;
  }
  return parseDate(value)?.slice(0, 7) ?? null;
}

/** A decimal without thousands separators, or null; "1,234.5" → "1234.5". */
export function plainDecimal(value: string): string | null {
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) return value.replace(/,/g, "");
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? value : null;
}

/**
 * Multiplies a decimal's text by 10^power exactly (no binary floating point): the unit of
 * a header such as 合计（万元） turns 12.46 into 124600. Returns the canonical decimal text.
 */
export function shiftDecimal(value: string, power: number): string {
  const negative = value.startsWith("-");
  const [int = "", frac = ""] = value.replace(/^-/, "").split(".");
  const digits = int + frac.padEnd(power, "0");
  const point = int.length + power;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  const text = rest ? `${whole}.${rest}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

/** The name of a unit power as the header wrote it, for messages. */
const UNIT_NAMES: Record<number, string> = { 0: "元", 3: "千元", 4: "万元", 8: "亿元" };

function yuan(value: string, seen: string, power: number): Normalised {
  if (value === "") return ok("");
  const bare = value.replace(/^¥/, "");
  const plain = plainDecimal(power === 0 ? bare.replace(/元$/, "") : bare);
  if (plain === null) {
    return fail(`“${seen}”不是数字：请填写以${UNIT_NAMES[power] ?? "元"}为单位的金额，例如 112000`);
  }
  const amount = shiftDecimal(plain, power);
  const unit = UNIT_NAMES[power] ?? "";
  const converted = power === 0 ? "" : `${unit}，即 ${amount} 元`;
  if (amount.startsWith("-")) return fail(`“${seen}”${converted}是负数：金额不能为负`);
  if (amount.includes(".")) {
    return fail(
      power === 0
        ? `“${seen}”不是整数：金额以元为单位，请填到元为止的整数`
        : `“${seen}”${converted}，不是整数：换算成元后须是整数，请改填以元为单位的金额`,
    );
  }
  if (amount.length > 15) return fail(`“${seen}”超出可接受的范围`);
  return ok(amount);
}

function code(value: string, seen: string, header: string): Normalised {
  const unwrapped = /^="(.*)"$/.exec(value)?.[1] ?? value;
  if (SCIENTIFIC.test(unwrapped)) {
    return fail(
      `“${seen}”是被 Excel 改成科学计数法的代码，原来的末几位已经丢失，无法还原：请在 Excel 中把“${header}”列设为“文本”格式后重新输入完整代码，或改用 XLSX 模板（代码列已设为文本）`,
    );
  }
  return ok(unwrapped.replace(/\.0+$/, ""));
}

/**
 * The canonical text of one cell for its column's type. `power` is the header unit's power
 * of ten for money columns (万元 = 4). `header` names the column in messages.
 */
export function normaliseCell(type: CellType, raw: string, power = 0, header = ""): Normalised {
  if (typeof type === "object" || type === "text") return ok(raw.trim());
  const seen = raw.trim();
  const value = compact(raw);
  switch (type) {
    case "code":
      return code(value, seen, header);
    case "id":
      return ok(value.replace(/\.0+$/, ""));
    case "period": {
      if (value === "") return ok("");
      // 2026.10 typed into a spreadsheet is stored as the number 2026.1: October or January?
      if (/^\d{4}\.1$/.test(value)) {
        return fail(
          `“${seen}”分不清是${value.slice(0, 4)}年1月还是10月（Excel、WPS 会把输入的 ${value}0 存成数字 ${value}）：请写成 ${value.slice(0, 4)}-01 或 ${value.slice(0, 4)}-10，或先把这一列设为文本`,
        );
      }
      const period = parsePeriod(value);
      return period
        ? ok(period)
        : fail(`“${seen}”不是统计期：请写成“年-月”，例如 2026-10${serialHint(value)}`);
    }
    case "date": {
      if (value === "") return ok("");
      const date = parseDate(value);
      return date
        ? ok(date)
        : fail(`“${seen}”不是日期：请写成 2026-11-15 这样的年-月-日${serialHint(value)}`);
    }
    case "yuan":
      return yuan(value, seen, power);
    case "integer":
    case "decimal": {
      const plain = plainDecimal(value.replace(/%$/, ""));
      return ok(plain ?? value);
    }
  }
}
