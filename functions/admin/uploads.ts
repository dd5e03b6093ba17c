/**
 * /api/admin/uploads/{kind}: a clerk's (or editor's) monthly returns (income), updates of
 * existing items (projects, problems, targets, work-teams) and new items (new-projects,
 * new-problems, new-work-teams, new-targets). POST a file as
 * multipart/form-data field "file"; without ?commit=1 it is a dry run that reports what
 * would change, with it the whole file is written in one batch (or nothing is).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { isUniqueViolation } from "../../src/db/errors.ts";
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
import { MAX_FILE_BYTES, MAX_ROWS } from "../../src/lib/upload/table.ts";
import { isTemplateKind, templateXlsx, XLSX_TYPE } from "../../src/lib/upload/template-xlsx.ts";
import { commitIncome, prepareIncome } from "../../src/services/income-upload.ts";
import { chinaDate } from "../../src/lib/china-time.ts";
import { commitNewItems, prepareNewItems } from "../../src/services/new-items-upload.ts";
import { commitUpdates, prepareUpdates } from "../../src/services/updates-upload.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { clientIp, guard, regionScope, type AdminEnv } from "./guard.ts";
import { ADMIN_ERRORS, GUARD_ERRORS, jsonResponse } from "./schemas.ts";

export const uploads = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
uploads.use("*", guard("uploads"));

const isUpdateKind = (kind: string): kind is UpdateKind =>
  (UPDATE_KINDS as readonly string[]).includes(kind);
const isNewKind = (kind: string): kind is NewKind =>
  (NEW_KINDS as readonly string[]).includes(kind);

const noSuchKind = () => new ApiError(404, "No such upload kind.", "没有这种上传类型。");

const KINDS = ["income", ...UPDATE_KINDS, ...NEW_KINDS];

/** The kind of upload. A string for the validator, so that an unknown kind is 404. */
const KindParam = z.object({
  kind: z.string().openapi({
    param: { name: "kind", in: "path" },
    description: `One of ${KINDS.join(", ")}.`,
    example: "income",
  }),
});

const templateCsvRoute = createRoute({
  method: "get",
  path: "/{kind}/template.csv",
  summary: "The CSV template of an upload kind: its header row and an example row",
  request: { params: KindParam },
  responses: {
    200: { description: "The template.", content: { "text/csv": { schema: z.string() } } },
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
  },
});

uploads.openapi(templateCsvRoute, (c) => {
  const { kind } = c.req.valid("param");
  if (kind !== "income" && !isUpdateKind(kind) && !isNewKind(kind)) throw noSuchKind();
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

const templateXlsxRoute = createRoute({
  method: "get",
  path: "/{kind}/template.xlsx",
  summary: "The workbook template of an upload kind, with its columns' rules and lists",
  request: { params: KindParam },
  responses: {
    200: {
      description: "The workbook.",
      content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
  },
});

uploads.openapi(templateXlsxRoute, async (c) => {
  const { kind } = c.req.valid("param");
  if (!isTemplateKind(kind)) throw noSuchKind();
  c.header("Content-Type", XLSX_TYPE);
  c.header("Content-Disposition", `attachment; filename="${kind}-template.xlsx"`);
  return c.body(await templateXlsx(kind));
});

const limitsRoute = createRoute({
  method: "get",
  path: "/limits",
  summary: "The largest file and the most rows one upload may have",
  responses: {
    200: jsonResponse(
      "The limits.",
      z.object({ max_file_bytes: z.number(), max_rows: z.number() }),
    ),
    ...GUARD_ERRORS,
  },
});

uploads.openapi(limitsRoute, (c) =>
  c.json({ max_file_bytes: MAX_FILE_BYTES, max_rows: MAX_ROWS }, 200),
);

const UploadAnswer = z.object({
  dry_run: z.boolean(),
  digest: z.string().optional().openapi({
    description: "A dry run's SHA-256 of the file (and sheet): send it back as checked to commit.",
  }),
  report: z.record(z.string(), z.unknown()).openapi({
    description: "What the file holds and what it would change, or changed; errors is empty.",
  }),
  upload_id: z.number().nullable().optional(),
  changed: z.boolean().optional().openapi({ description: "A commit wrote something." }),
});

const uploadRoute = createRoute({
  method: "post",
  path: "/{kind}",
  summary: "Check a file (a dry run), or write it with commit=1: all of it or nothing",
  // Documented, not validated: the form is read by the handler, after the size check.
  parameters: [
    {
      name: "commit",
      in: "query",
      description: "1 writes the file in one batch; otherwise a dry run.",
      schema: { type: "string", enum: ["1"] },
    },
    {
      name: "sheet",
      in: "query",
      description: "A workbook's sheet by name (the form's sheet field wins).",
      schema: { type: "string" },
    },
  ],
  request: {
    params: KindParam,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file"],
            properties: {
              file: { type: "string", format: "binary", description: "CSV or XLSX." },
              sheet: { type: "string", description: "A workbook's sheet by name." },
              checked: { type: "string", description: "The digest the dry run reported." },
            },
          },
        },
      },
    },
  },
  responses: {
    200: jsonResponse("The report of the dry run, or of the commit.", UploadAnswer),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
    413: ADMIN_ERRORS[413],
    422: ADMIN_ERRORS[422],
  },
});

uploads.openapi(uploadRoute, async (c) => {
  const { kind } = c.req.valid("param");
  if (kind !== "income" && !isUpdateKind(kind) && !isNewKind(kind)) throw noSuchKind();
  // Refuse by the declared size before reading the body into memory.
  const declared = Number(c.req.header("Content-Length") ?? 0);
  if (declared > MAX_FILE_BYTES + 64 * 1024) {
    throw new ApiError(
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
    throw new ApiError(
      400,
      "Send the file as form field 'file'.",
      "请选择要上传的文件（表单字段 file）。",
    );
  }
  const identity = c.get("identity");
  const now = new Date().toISOString();
  const commit = c.req.query("commit") === "1";
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name || "upload.csv";
  if (isNewKind(kind)) {
    const today = chinaDate(now);
    const scope = regionScope(identity);
    const prepared = await prepareNewItems(c.env.DB, kind, bytes, name, scope, today, sheet);
    if (prepared.report.errors.length > 0) throw rowErrors(prepared.report);
    if (!commit)
      return c.json({ dry_run: true, digest: prepared.sha256, report: prepared.report }, 200);
    if (checked !== null && checked !== prepared.sha256) throw notTheFileChecked();
    const { uploadId } = await commitNewItems(
      c.env.DB,
      prepared,
      identity.user,
      now,
      today,
      clientIp(c),
    ).catch(changedMeanwhile);
    return c.json(
      {
        dry_run: false,
        report: prepared.report,
        upload_id: uploadId,
        changed: uploadId !== null,
      },
      200,
    );
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
    if (prepared.report.errors.length > 0) throw rowErrors(prepared.report);
    if (!commit)
      return c.json({ dry_run: true, digest: prepared.sha256, report: prepared.report }, 200);
    if (checked !== null && checked !== prepared.sha256) throw notTheFileChecked();
    const { uploadId } = await commitUpdates(
      c.env.DB,
      prepared,
      identity.user,
      now,
      clientIp(c),
    ).catch(changedMeanwhile);
    return c.json(
      {
        dry_run: false,
        report: prepared.report,
        upload_id: uploadId,
        changed: uploadId !== null,
      },
      200,
    );
  }
  const prepared = await prepareIncome(c.env.DB, bytes, name, regionScope(identity), now, sheet);
  const report = prepared.report;
  if (report.errors.length > 0) throw rowErrors(report);
  if (!commit) return c.json({ dry_run: true, digest: prepared.sha256, report }, 200);
  if (checked !== null && checked !== prepared.sha256) throw notTheFileChecked();
  const result = await commitIncome(c.env.DB, prepared, identity.user, now, clientIp(c)).catch(
    changedMeanwhile,
  );
  return c.json(
    {
      dry_run: false,
      report,
      upload_id: result.uploadId,
      changed: result.uploadId !== null,
    },
    200,
  );
});

/**
 * 409 for a commit's batch that broke a unique key: another upload changed the same
 * returns, or took the same new numbers, between our check and our batch. (A file that
 * cannot be read at all, UploadFileError, is answered by the one onError.)
 */
function changedMeanwhile(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ApiError(
      409,
      "The data changed meanwhile; check the file again.",
      "数据在检查后已被他人修改，本次未写入任何数据：请重新检查后再提交。",
    );
  }
  throw error;
}

/** 409: the file (or sheet) sent to be written is not the one the dry run checked. */
function notTheFileChecked(): ApiError {
  return new ApiError(
    409,
    "This is not the file that was checked; check it first.",
    "要写入的文件（或工作表）与检查过的不是同一个：本次未写入任何数据。请重新检查后再确认写入。",
  );
}

/** 422 with every row error, in the errors list and in the full report. */
function rowErrors(report: { errors: { line: number; column: string; text: string }[] }): ApiError {
  return new ApiError(
    422,
    `${report.errors.length} error(s) in the file; nothing was written.`,
    `文件中有 ${report.errors.length} 处错误，未写入任何数据。请改正后重新上传。`,
    {
      errors: report.errors.map((e) => ({
        parameter: `line ${e.line}: ${e.column}`,
        message: e.text,
      })),
      members: { report },
    },
  );
}
