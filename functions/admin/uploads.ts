/**
 * /api/admin/uploads/{kind}: a clerk's (or editor's) monthly returns (income), updates of
 * existing items (projects, problems, targets, work-teams) and new items (new-projects,
 * new-problems, new-work-teams, new-targets). POST a file as
 * multipart/form-data field "file"; without ?commit=1 it is a dry run that reports what
 * would change, with it the whole file is written in one batch (or nothing is).
 */
import { Hono, type Context } from "hono";
import { templateCsv } from "../../src/lib/upload/columns.ts";
import { incomeTemplateCsv } from "../../src/lib/upload/income.ts";
import {
  TEMPLATE_EXAMPLES,
  UPDATE_COLUMNS,
  UPDATE_KINDS,
  type UpdateKind,
} from "../../src/lib/upload/updates.ts";
import {
  NEW_COLUMNS,
  NEW_KINDS,
  NEW_TEMPLATE_EXAMPLES,
  type NewKind,
} from "../../src/lib/upload/new-items.ts";
import { MAX_FILE_BYTES, MAX_ROWS, UploadFileError } from "../../src/lib/upload/table.ts";
import { isTemplateKind, templateXlsx, XLSX_TYPE } from "../../src/lib/upload/template-xlsx.ts";
import { commitIncome, prepareIncome } from "../../src/services/income-upload.ts";
import { chinaDate } from "../../src/lib/china-time.ts";
import { commitNewItems, prepareNewItems } from "../../src/services/new-items-upload.ts";
import { commitUpdates, prepareUpdates } from "../../src/services/updates-upload.ts";
import { problem } from "../problem.ts";
import { clientIp, guard, regionScope, type AdminEnv } from "./guard.ts";

export const uploads = new Hono<AdminEnv>();
uploads.use("*", guard("uploads"));

const isUpdateKind = (kind: string): kind is UpdateKind =>
  (UPDATE_KINDS as readonly string[]).includes(kind);
const isNewKind = (kind: string): kind is NewKind =>
  (NEW_KINDS as readonly string[]).includes(kind);

uploads.get("/:kind/template.csv", (c) => {
  const kind = c.req.param("kind");
  if (kind !== "income" && !isUpdateKind(kind) && !isNewKind(kind)) {
    return problem(c, 404, "No such upload kind.", "没有这种上传类型。");
  }
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${kind}-template.csv"`);
  return c.body(
    kind === "income"
      ? incomeTemplateCsv()
      : isNewKind(kind)
        ? templateCsv(NEW_COLUMNS[kind], NEW_TEMPLATE_EXAMPLES[kind])
        : templateCsv(UPDATE_COLUMNS[kind], TEMPLATE_EXAMPLES[kind]),
  );
});

uploads.get("/:kind/template.xlsx", async (c) => {
  const kind = c.req.param("kind");
  if (!isTemplateKind(kind)) return problem(c, 404, "No such upload kind.", "没有这种上传类型。");
  c.header("Content-Type", XLSX_TYPE);
  c.header("Content-Disposition", `attachment; filename="${kind}-template.xlsx"`);
  return c.body(await templateXlsx(kind));
});

uploads.get("/limits", (c) => c.json({ max_file_bytes: MAX_FILE_BYTES, max_rows: MAX_ROWS }));

uploads.post("/:kind", async (c) => {
  const kind = c.req.param("kind");
  if (kind !== "income" && !isUpdateKind(kind) && !isNewKind(kind)) {
    return problem(c, 404, "No such upload kind.", "没有这种上传类型。");
  }
  // Refuse by the declared size before reading the body into memory.
  const declared = Number(c.req.header("Content-Length") ?? 0);
  if (declared > MAX_FILE_BYTES + 64 * 1024) {
    return problem(
      c,
      413,
      "The file is over 2 MB.",
      "文件大小超过上限（2 MB）：请拆分后分别上传。",
    );
  }
  let file: File | null;
  // A workbook's sheet, by name: the form's "sheet" field (or ?sheet=); else the first visible.
  let sheet = c.req.query("sheet") || undefined;
  // The digest the dry run reported: a commit writes only the very file (and sheet) checked.
  let checked: string | null = null;
  try {
    const form = await c.req.formData();
    const value = form.get("file");
    file = value instanceof File ? value : null;
    const picked = form.get("sheet");
    if (typeof picked === "string" && picked !== "") sheet = picked;
    const digest = form.get("checked");
    if (typeof digest === "string" && digest !== "") checked = digest;
  } catch {
    file = null;
  }
  if (!file) {
    return problem(
      c,
      400,
      "Send the file as form field 'file'.",
      "请选择要上传的文件（表单字段 file）。",
    );
  }
  const identity = c.get("identity");
  const now = new Date().toISOString();
  const commit = c.req.query("commit") === "1";
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file.name || "upload.csv";
    if (isNewKind(kind)) {
      const today = chinaDate(now);
      const scope = regionScope(identity);
      const prepared = await prepareNewItems(c.env.DB, kind, bytes, name, scope, today, sheet);
      if (prepared.report.errors.length > 0) return rowErrors(c, prepared.report);
      if (!commit)
        return c.json({ dry_run: true, digest: prepared.sha256, report: prepared.report });
      if (checked !== null && checked !== prepared.sha256) return notTheFileChecked(c);
      const { uploadId } = await commitNewItems(
        c.env.DB,
        prepared,
        identity.user,
        now,
        today,
        clientIp(c),
      );
      return c.json({
        dry_run: false,
        report: prepared.report,
        upload_id: uploadId,
        changed: uploadId !== null,
      });
    }
    if (kind !== "income") {
      const prepared = await prepareUpdates(
        c.env.DB,
        kind,
        bytes,
        name,
        regionScope(identity),
        chinaDate(now),
        sheet,
      );
      if (prepared.report.errors.length > 0) return rowErrors(c, prepared.report);
      if (!commit)
        return c.json({ dry_run: true, digest: prepared.sha256, report: prepared.report });
      if (checked !== null && checked !== prepared.sha256) return notTheFileChecked(c);
      const { uploadId } = await commitUpdates(c.env.DB, prepared, identity.user, now, clientIp(c));
      return c.json({
        dry_run: false,
        report: prepared.report,
        upload_id: uploadId,
        changed: uploadId !== null,
      });
    }
    const prepared = await prepareIncome(c.env.DB, bytes, name, regionScope(identity), now, sheet);
    const report = prepared.report;
    if (report.errors.length > 0) return rowErrors(c, report);
    if (!commit) return c.json({ dry_run: true, digest: prepared.sha256, report });
    if (checked !== null && checked !== prepared.sha256) return notTheFileChecked(c);
    const result = await commitIncome(c.env.DB, prepared, identity.user, now, clientIp(c));
    return c.json({
      dry_run: false,
      report,
      upload_id: result.uploadId,
      changed: result.uploadId !== null,
    });
  } catch (error) {
    if (error instanceof UploadFileError)
      return problem(c, error.status, error.message, error.detailZh);
    // Another upload changed the same returns, or took the same new numbers, between our
    // check and our batch.
    if (/UNIQUE constraint failed|PRIMARY KEY/.test(String(error))) {
      return problem(
        c,
        409,
        "The data changed meanwhile; check the file again.",
        "数据在检查后已被他人修改，本次未写入任何数据：请重新检查后再提交。",
      );
    }
    throw error;
  }
});

/** 409: the file (or sheet) sent to be written is not the one the dry run checked. */
function notTheFileChecked(c: Context): Response {
  return problem(
    c,
    409,
    "This is not the file that was checked; check it first.",
    "要写入的文件（或工作表）与检查过的不是同一个：本次未写入任何数据。请重新检查后再确认写入。",
  );
}

/** 422 with every row error, in the problem's errors and in the full report. */
function rowErrors(
  c: Context,
  report: { errors: { line: number; column: string; text: string }[] },
): Response {
  const body = {
    type: "/api/docs#problem-invalid-content",
    title: "Invalid content",
    status: 422,
    detail: `${report.errors.length} error(s) in the file; nothing was written.`,
    detail_zh: `文件中有 ${report.errors.length} 处错误，未写入任何数据。请改正后重新上传。`,
    instance: new URL(c.req.url).pathname,
    errors: report.errors.map((e) => ({
      parameter: `line ${e.line}: ${e.column}`,
      message: e.text,
    })),
    report,
  };
  return c.body(JSON.stringify(body), 422, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });
}
