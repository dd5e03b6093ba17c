/**
 * The XLSX upload templates, written with write-excel-file (its universal build, which
 * runs in workerd). The first sheet is the one the upload reads: the Chinese header
 * (bold, frozen; required columns shaded) and one example row. Its columns are formatted
 * so that Excel, WPS and LibreOffice keep what a clerk types: codes, numbers (编号) and
 * the period as text (450422104211 never becomes 4.50422E+11, 2026-10 never a date),
 * dates as dates (yyyy-mm-dd), amounts and counts as numbers; each vocabulary column has
 * a drop-down list of its Chinese labels for the first MAX_ROWS data rows. The second
 * sheet, 填写说明, says what each column holds and lists every valid value; the drop-down
 * lists refer to those cells through defined names.
 *
 * write-excel-file has no data validation nor column styles: both are added by one
 * "feature" (its extension API) that edits the generated sheet and workbook XML.
 * (Its universal build zips with fflate's asynchronous zip(), which would start a Web
 * Worker, absent in workerd, for a part over 160 kB; a template's parts are a few kB.)
 */
import writeXlsxFile, { type Cell, type Feature, type SheetData } from "write-excel-file/universal";
import {
  findElement,
  getCellAddress,
  getChildElements,
  getOrderOfSiblings,
  getSelfClosingTagMarkup,
  insertElementMarkupAccordingToOrderOfSiblings,
  replaceElement,
  sanitizeAttributeValue,
  sanitizeTextContent,
} from "write-excel-file/utility";
import { matchTerm, terms } from "../vocabulary.ts";
import type { ColumnSpec, VocabularyName } from "./columns.ts";
import { INCOME_COLUMNS, INCOME_TEMPLATE_EXAMPLE } from "./income.ts";
import { KIND_NAMES, type UploadKind } from "./kinds.ts";
import type { NewKind } from "./new-items.ts";
import type { UpdateKind } from "./updates.ts";
import { NEW_COLUMNS, NEW_KINDS, NEW_TEMPLATE_EXAMPLES } from "./new-items.ts";
import { MAX_FILE_BYTES, MAX_ROWS } from "./table.ts";
import { TEMPLATE_EXAMPLES, UPDATE_COLUMNS, UPDATE_KINDS } from "./updates.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type TemplateKind = UploadKind;

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["income", ...UPDATE_KINDS, ...NEW_KINDS];

export const isTemplateKind = (kind: string): kind is TemplateKind =>
  (TEMPLATE_KINDS as readonly string[]).includes(kind);

/** The data sheet's name: what the upload is (the names of the upload page). */
export const TEMPLATE_TITLES: Record<TemplateKind, string> = KIND_NAMES;

export const INSTRUCTIONS_SHEET = "填写说明";

/** What one row of each kind is (as the upload page says). */
const ROWS: Record<TemplateKind, string> = {
  income:
    "每行一个村一个统计期的当年累计数（元，整数），合计等于五项收入之和；累计数下降或修订已报的数时，请在“说明”中写明原因",
  projects: "每行一个已有编号的项目的一次进展报告",
  problems: "每行一个已有编号的问题的一次状态变化",
  targets: "每行一个已有编号的任期目标的阶段、实际值和状态",
  "work-teams": "每行一个已有编号的驻村工作队的队员人数和任期结束日期",
  "new-projects": "每行一个新项目，编号由系统按文件顺序分配",
  "new-problems": "每行一个新收集的问题，编号由系统按文件顺序分配",
  "new-work-teams": "每行一个新派驻的工作队，编号由系统按文件顺序分配",
  "new-targets": "每行一个新签订的任期目标，编号由系统按文件顺序分配",
};

/** The columns and the example row of a kind (the same as the CSV template's). */
export function templateOf(kind: TemplateKind): {
  columns: readonly ColumnSpec[];
  example: readonly string[];
} {
  if (kind === "income") return { columns: INCOME_COLUMNS, example: INCOME_TEMPLATE_EXAMPLE };
  if ((NEW_KINDS as readonly string[]).includes(kind)) {
    const k = kind as NewKind;
    return { columns: NEW_COLUMNS[k], example: NEW_TEMPLATE_EXAMPLES[k] };
  }
  const k = kind as UpdateKind;
  return { columns: UPDATE_COLUMNS[k], example: TEMPLATE_EXAMPLES[k] };
}

/** The Chinese labels of a vocabulary, in the order the pages list them. */
export function vocabularyLabels(name: VocabularyName): string[] {
  return terms(name).map((t) => t.zh);
}

/** Cells kept as typed: codes, numbers (编号) and the period. */
const TEXT_FORMAT = "@";
const DATE_FORMAT = "yyyy-mm-dd";
const REQUIRED_FILL = "#FFF2CC";

const isTextColumn = (c: ColumnSpec) => c.type === "code" || c.type === "id" || c.type === "period";

/** A column's example value as a typed cell (empty cells keep the column's format). */
function exampleCell(column: ColumnSpec, value: string): Cell {
  const type = column.type;
  if (isTextColumn(column))
    return value
      ? { value, type: String, format: TEXT_FORMAT }
      : { type: String, format: TEXT_FORMAT };
  if (type === "date")
    return value
      ? { value: new Date(`${value}T00:00:00Z`), type: Date, format: DATE_FORMAT }
      : { type: Date, format: DATE_FORMAT };
  if (type === "yuan" || type === "integer" || type === "decimal")
    return value === "" ? null : { value: Number(value), type: Number };
  if (typeof type === "object") return matchTerm(type.vocabulary, value)?.zh ?? (value || null);
  return value || null;
}

/** How wide a column should be, in characters (a Chinese character counts two). */
function widthOf(...texts: string[]): number {
  const width = (s: string) =>
    [...s].reduce((n, ch) => n + (/[\u2E80-\uFFFF]/.test(ch) ? 2 : 1), 0);
  return Math.min(40, Math.max(10, ...texts.map((t) => width(t) + 2)));
}

/** The column letter of a 0-based column index (A, B, …, Z, AA, …). */
const letterOf = (index: number) => getCellAddress(0, index).replace(/\d+$/, "");

/** What a column holds, for the instructions. */
function formatOf(column: ColumnSpec): string {
  const type = column.type;
  if (typeof type === "object") return "从下拉列表中选择";
  switch (type) {
    case "code":
      return column.key === "village_code"
        ? "文本：12 位村级区划代码"
        : "文本：6 位县级、9 位乡镇级或 12 位村级区划代码";
    case "id":
      return "文本：系统分配的编号（数字）";
    case "period":
      return "文本：年-月，例如 2026-10";
    case "date":
      return "日期：年-月-日，例如 2026-11-15";
    case "yuan":
      return "数字：金额，以元为单位，整数";
    case "integer":
      return "数字：整数";
    case "decimal":
      return "数字：可带小数";
    case "text":
      return "文字";
  }
}

/** The valid values of a column, for the instructions (all of them, with the aliases). */
function valuesOf(column: ColumnSpec): string {
  const type = column.type;
  if (typeof type !== "object") return "";
  const list = terms(type.vocabulary);
  const aliases = list.flatMap((t) => t.aliases);
  return (
    `可填：${list.map((t) => t.zh).join("、")}` +
    (aliases.length > 0 ? `（也接受：${aliases.join("、")}）` : "")
  );
}

interface Validation {
  /** The cells it applies to, e.g. E2:E3001. */
  sqref: string;
  /** The defined name of the list of valid values. */
  name: string;
  title: string;
}

interface DefinedName {
  name: string;
  ref: string;
}

/** The instructions sheet, and where on it each vocabulary's list of values is. */
function instructions(
  kind: TemplateKind,
  columns: readonly ColumnSpec[],
): { data: SheetData; names: DefinedName[] } {
  const bold = (value: string): Cell => ({ value, fontWeight: "bold" });
  const textColumns = columns.filter(isTextColumn).map((c) => `“${c.zh}”`);
  const dateColumns = columns.filter((c) => c.type === "date").map((c) => `“${c.zh}”`);
  const notes = [
    `在第一个工作表“${TEMPLATE_TITLES[kind]}”中填写，${ROWS[kind]}；第 1 行是表头，不要修改、删除或调换表头和列。`,
    "第 2 行是示例：请用您的数据覆盖它，或把它删掉，再上传。",
    "表头底色为黄色的列必填，其余列可空。",
    `每个文件不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB、${MAX_ROWS} 行数据（不含表头）；更多的数据请拆成几个文件分别上传。`,
    ...(textColumns.length > 0
      ? [
          `${textColumns.join("、")}列已设为“文本”格式，直接输入即可，输入的内容原样保留` +
            (columns.some((c) => c.type === "code")
              ? "：12 位代码 450422104211 不会变成 4.50422E+11"
              : "") +
            (columns.some((c) => c.type === "period") ? "，统计期 2026-10 不会变成日期" : "") +
            "。",
          "从别的表格复制数据时，请用“选择性粘贴 → 数值”（WPS：“粘贴为数值”），不要把原表格的格式带进来。",
          "自己新建表格时，请先把代码和编号列设为“文本”（右键 → 设置单元格格式 → 文本），或在代码前加英文单引号，例如 '450422104211；不要用 Excel 打开 CSV 文件后再保存，12 位代码会被改成 4.50422E+11 而丢失后几位。",
        ]
      : []),
    ...(dateColumns.length > 0
      ? [`${dateColumns.join("、")}列是日期格式（年-月-日），输入 2026-11-15 或 2026/11/15 均可。`]
      : []),
    ...(columns.some((c) => typeof c.type === "object")
      ? ["带下拉箭头的列请从列表中选择；可选的值列在本表最后。"]
      : []),
    "保存为 .xlsx 文件上传。上传页面先“检查（不写入）”，确认报告无误后再“确认写入”；文件有任何错误时不会写入任何数据。",
  ];
  const data: SheetData = [
    [{ value: `${TEMPLATE_TITLES[kind]}上传模板：填写说明`, fontWeight: "bold", fontSize: 14 }],
    [],
    [bold("填写要求")],
    ...notes.map((note, i) => [`${i + 1}. ${note}`]),
    [],
    [bold("各列说明")],
    [bold("列名"), bold("是否必填"), bold("格式"), bold("可填的值")],
    ...columns.map((c) => [
      c.zh,
      c.required ? "必填" : "可空",
      formatOf(c),
      { value: valuesOf(c), wrap: true },
    ]),
  ];
  const vocabularies = [
    ...new Map(
      columns.flatMap((c) =>
        typeof c.type === "object" ? [[c.type.vocabulary, c.zh] as const] : [],
      ),
    ),
  ];
  const names: DefinedName[] = [];
  if (vocabularies.length > 0) {
    data.push([], [bold("下拉列表的可选值")]);
    data.push(vocabularies.map(([, zh]) => bold(zh)));
    const first = data.length + 1; // the 1-based row of the first value
    const lists = vocabularies.map(([name]) => vocabularyLabels(name));
    const longest = Math.max(...lists.map((l) => l.length));
    for (let i = 0; i < longest; i++) data.push(lists.map((l) => l[i] ?? null));
    vocabularies.forEach(([name], j) => {
      const column = letterOf(j);
      const last = first + (lists[j] as string[]).length - 1;
      names.push({
        name: `list_${name}`,
        ref: `'${INSTRUCTIONS_SHEET}'!$${column}$${first}:$${column}$${last}`,
      });
    });
  }
  return { data, names };
}

/**
 * The feature that write-excel-file lacks: each column of the data sheet styled like its
 * example cell (so what a clerk types below keeps the format), data validation lists on
 * the vocabulary columns, and the defined names those lists refer to.
 */
function templateFeature(validations: Validation[], names: DefinedName[]): Feature<Blob> {
  return {
    files: {
      transform: {
        "xl/worksheets/sheet{id}.xml": {
          transform: (xml, _options, { sheetIndex }) => {
            if (sheetIndex !== 0) return xml;
            return addDataValidations(styleColumnsLikeRow(xml, 2), validations);
          },
        },
        "xl/workbook.xml": {
          transform: (xml) => addDefinedNames(xml, names),
        },
      },
    },
  };
}

/** Gives each <col> the style of its cell in row `row`, so new cells get that format. */
function styleColumnsLikeRow(xml: string, row: number): string {
  const cols = findElement(xml, "cols");
  const sheetData = findElement(xml, "sheetData");
  if (!cols || !sheetData) return xml;
  const example = getChildElements(xml, sheetData).find(
    (r) => r.tagName === "row" && String(r.openingTagAttributes.r) === String(row),
  );
  if (!example) return xml;
  const styles = new Map<string, string>();
  for (const c of getChildElements(xml, example)) {
    const ref = String(c.openingTagAttributes.r ?? "");
    if (c.openingTagAttributes.s !== undefined)
      styles.set(ref.replace(/\d+$/, ""), String(c.openingTagAttributes.s));
  }
  // Replace from the last <col> back, so the earlier offsets stay right.
  for (const col of getChildElements(xml, cols).reverse()) {
    const min = Number(col.openingTagAttributes.min);
    const style = styles.get(letterOf(min - 1));
    if (style === undefined || !col.selfClosingTag) continue;
    xml = replaceElement(
      xml,
      col,
      getSelfClosingTagMarkup("col", { ...col.openingTagAttributes, style }),
    );
  }
  return xml;
}

/** <dataValidations> in the place the schema gives it (after conditional formatting). */
function addDataValidations(xml: string, validations: Validation[]): string {
  if (validations.length === 0) return xml;
  const markup =
    `<dataValidations count="${validations.length}">` +
    validations
      .map(
        (v) =>
          `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
          ` errorStyle="stop" errorTitle="${sanitizeAttributeValue(v.title)}"` +
          ` error="${sanitizeAttributeValue(`请从下拉列表中选择；可选的值见“${INSTRUCTIONS_SHEET}”表。`)}"` +
          ` promptTitle="${sanitizeAttributeValue(v.title)}"` +
          ` prompt="${sanitizeAttributeValue("请从下拉列表中选择")}"` +
          ` sqref="${v.sqref}"><formula1>${sanitizeTextContent(v.name)}</formula1></dataValidation>`,
      )
      .join("") +
    "</dataValidations>";
  return insertElementMarkupAccordingToOrderOfSiblings(
    xml,
    markup,
    getOrderOfSiblings("xl/worksheets/sheet{id}.xml", "worksheet") ?? [],
    "worksheet",
  );
}

/** The workbook's <definedNames>, replacing the empty one write-excel-file writes. */
function addDefinedNames(xml: string, names: DefinedName[]): string {
  if (names.length === 0) return xml;
  const markup =
    "<definedNames>" +
    names
      .map(
        (n) =>
          `<definedName name="${sanitizeAttributeValue(n.name)}">${sanitizeTextContent(n.ref)}</definedName>`,
      )
      .join("") +
    "</definedNames>";
  const existing = findElement(xml, "definedNames");
  if (existing) return replaceElement(xml, existing, markup);
  return insertElementMarkupAccordingToOrderOfSiblings(
    xml,
    markup,
    getOrderOfSiblings("xl/workbook.xml", "workbook") ?? [],
    "workbook",
  );
}

/** The XLSX template of an upload kind. */
export async function templateXlsx(kind: TemplateKind): Promise<ArrayBuffer> {
  const { columns, example } = templateOf(kind);
  const header: Cell[] = columns.map((c) => ({
    value: c.zh,
    fontWeight: "bold",
    ...(c.required ? { backgroundColor: REQUIRED_FILL } : {}),
  }));
  const row = columns.map((c, i) => exampleCell(c, example[i] ?? ""));
  const { data: notes, names } = instructions(kind, columns);
  const validations: Validation[] = columns.flatMap((c, i) => {
    if (typeof c.type !== "object") return [];
    const letter = letterOf(i);
    return [
      {
        sqref: `${letter}2:${letter}${MAX_ROWS + 1}`,
        name: `list_${c.type.vocabulary}`,
        title: c.zh,
      },
    ];
  });
  const blob = await writeXlsxFile(
    [
      {
        data: [header, row],
        sheet: TEMPLATE_TITLES[kind],
        columns: columns.map((c, i) => ({ width: widthOf(c.zh, example[i] ?? "") })),
        stickyRowsCount: 1,
      },
      {
        data: notes,
        sheet: INSTRUCTIONS_SHEET,
        columns: [{ width: 16 }, { width: 12 }, { width: 44 }, { width: 60 }],
      },
    ],
    { features: [templateFeature(validations, names)] },
  ).toBlob();
  return blob.arrayBuffer();
}
