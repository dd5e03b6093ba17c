/**
 * The upload page's report, drawn from the API's answer (src/services/*-upload.ts): what
 * was read (the sheet, the header's row, rows skipped, columns not read), what will be
 * (or was) written, row by row, with Chinese names and labels, and the changes.
 */

export interface UploadReport {
  sheet: string | null;
  sheets: string[];
  header_line: number;
  skipped: { line: number; text: string }[];
  ignored: { letter: string; header: string; reason: string }[];
  notes?: string[];
  rows: number;
  errors: { text: string }[];
  stored?: (Record<string, string | number | null> & { line: number; change?: string })[];
  added?: number;
  unchanged: number;
  revised?: { village_code: string; period: string; column: string; old: number; new: number }[];
  changed?: {
    id: number;
    line: number;
    note: string | null;
    fields: { name: string; old: string; new: string }[];
  }[];
  created?: {
    id: number;
    line: number;
    region: string;
    title: string;
    fields_text: [string, string][];
  }[];
  repeat_of?: number | null;
}

/** The income columns, by key, as the template names them. */
const INCOME: [string, string][] = [
  ["line", "行"],
  ["village_code", "村代码"],
  ["period", "统计期"],
  ["total", "合计"],
  ["operating", "经营收入"],
  ["contracting", "发包及上交收入"],
  ["investment", "投资收益"],
  ["subsidy", "补助收入"],
  ["other", "其他收入"],
  ["reason", "说明"],
  ["change", "变化"],
];
const INCOME_NAMES = Object.fromEntries(INCOME);
const CHANGES: Record<string, string> = { added: "新增", revised: "修订", unchanged: "未变" };

function paragraph(text: string, id?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  if (id) p.id = id;
  return p;
}

function row(values: string[], header = false): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const v of values) {
    const cell = document.createElement(header ? "th" : "td");
    if (header) cell.setAttribute("scope", "col");
    cell.textContent = v;
    tr.appendChild(cell);
  }
  return tr;
}

function table(id: string, caption: string, head: string[], rows: string[][]): HTMLElement {
  const t = document.createElement("table");
  t.id = id;
  const c = document.createElement("caption");
  c.textContent = caption;
  const thead = document.createElement("thead");
  thead.appendChild(row(head, true));
  const tbody = document.createElement("tbody");
  for (const r of rows) tbody.appendChild(row(r));
  t.appendChild(c);
  t.appendChild(thead);
  t.appendChild(tbody);
  // Long tables scroll within the page instead of widening it.
  const wrap = document.createElement("div");
  wrap.className = "table-scroll";
  wrap.appendChild(t);
  return wrap;
}

/** What was read: the sheet, the header's row, rows skipped, columns not read, notes. */
export function aboutFile(r: UploadReport): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (r.sheet !== null) {
    out.push(
      paragraph(
        r.sheets.length > 1
          ? `已读取工作表“${r.sheet}”（工作簿有 ${r.sheets.length} 个可见工作表：${r.sheets.join("、")}；如要上传其他工作表，请在上方“工作表”中选择后重新检查）。`
          : `已读取工作表“${r.sheet}”。`,
        "upload-sheet",
      ),
    );
  }
  if (r.skipped.length > 0) {
    const rows = r.skipped.map((s) => `第 ${s.line} 行（“${s.text}”）`).join("、");
    out.push(paragraph(`表头在第 ${r.header_line} 行；其上的${rows}已跳过。`, "upload-skipped"));
  }
  for (const note of r.notes ?? []) out.push(paragraph(note));
  if (r.ignored.length > 0) {
    const columns = r.ignored.map((c) => `${c.letter} 列“${c.header}”（${c.reason}）`);
    out.push(paragraph(`未读取的列：${columns.join("；")}。`, "upload-ignored"));
  }
  return out;
}

/** The summary line and the tables of what will be (or was) written. */
export function reportBody(r: UploadReport, committed: boolean): HTMLElement[] {
  const done = committed ? "已写入" : "检查通过（尚未写入）";
  const summary = paragraph("", "upload-summary");
  const out: HTMLElement[] = [summary];
  if (r.created) {
    summary.textContent =
      r.repeat_of != null
        ? `这个文件已于第 ${r.repeat_of} 次上传写入过，本次不再新建。`
        : `${committed ? "已新建" : "检查通过（尚未写入），将新建"} ${r.created.length} 项。`;
    if (r.created.length > 0) {
      out.push(
        table(
          "upload-created",
          "将新建的各项",
          ["编号", "行", "地区代码", "名称", "将写入的内容"],
          r.created.map((x) => [
            String(x.id),
            String(x.line),
            x.region,
            x.title,
            x.fields_text.map(([name, value]) => `${name}：${value}`).join("；"),
          ]),
        ),
      );
    }
    return out;
  }
  if (r.changed) {
    summary.textContent = `${done}：共 ${r.rows} 行；变更 ${r.changed.length} 项，未变 ${r.unchanged} 项。`;
    if (r.changed.length > 0) {
      out.push(
        table(
          "upload-changes",
          "将写入的变更",
          ["编号", "行", "项目", "原值", "新值", "说明"],
          r.changed.flatMap((x) =>
            x.fields.map((f, i) => [
              i === 0 ? String(x.id) : "",
              i === 0 ? String(x.line) : "",
              f.name,
              f.old,
              f.new,
              i === 0 ? (x.note ?? "") : "",
            ]),
          ),
        ),
      );
    }
    return out;
  }
  const revisedRows = new Set((r.revised ?? []).map((x) => x.village_code + x.period)).size;
  summary.textContent = `${done}：共 ${r.rows} 行；新增 ${r.added ?? 0} 行，修订 ${revisedRows} 行，未变 ${r.unchanged} 行。`;
  if (r.revised && r.revised.length > 0) {
    out.push(
      table(
        "upload-revised",
        "修订：原值 → 新值",
        ["村代码", "统计期", "项目", "原值", "新值"],
        r.revised.map((x) => [
          x.village_code,
          x.period,
          INCOME_NAMES[x.column] ?? x.column,
          String(x.old),
          String(x.new),
        ]),
      ),
    );
  }
  if (r.stored && r.stored.length > 0) {
    out.push(
      table(
        "upload-stored",
        `将写入的各行（${r.stored.length} 行，与文件中的行号对应）`,
        INCOME.map(([, name]) => name),
        r.stored.map((s) =>
          INCOME.map(([key]) =>
            key === "change" ? (CHANGES[s.change ?? ""] ?? "") : String(s[key] ?? ""),
          ),
        ),
      ),
    );
  }
  return out;
}

/** How many rows would be (or were) written. */
export function changeCount(r: UploadReport): number {
  return (
    (r.added ?? 0) + (r.revised?.length ?? 0) + (r.changed?.length ?? 0) + (r.created?.length ?? 0)
  );
}
