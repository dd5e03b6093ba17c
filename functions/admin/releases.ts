/** /api/admin/releases: the release calendar (editors). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { listReleases, RELEASE_STATUSES } from "../../src/db/releases.ts";
import { PERIOD_PATTERN } from "../../src/lib/periods.ts";
import { addNotice } from "../../src/services/bulletin-editing.ts";
import {
  cancelRelease,
  confirmRelease,
  createRelease,
  rescheduleRelease,
} from "../../src/services/release-calendar.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { IdParam, idOf, jsonBody, requireJson } from "./request.ts";
import { ADMIN_ERRORS, GUARD_ERRORS, jsonResponse } from "./schemas.ts";

export const releases = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
releases.use("*", guard("releases"));

const noSuchRelease = () => new ApiError(404, "No such release.", "没有这个发布。");

/** Route middleware: a malformed id is 404 before the body is checked, as it always was. */
const knownId: MiddlewareHandler<AdminEnv> = async (c, next) => {
  idOf(c, noSuchRelease);
  await next();
};

/** A moment as UTC ISO 8601 (what the database compares as text). */
export const Instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), {
    error: "须为日期时间，例如 2026-12-20T10:00:00+08:00",
  })
  .transform((v) => new Date(v).toISOString().replace(".000Z", "Z"));

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过${max}字` });

const now = () => new Date().toISOString();

const ReleaseSchema = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  status: z.enum(RELEASE_STATUSES),
  scheduled_at: z.string(),
  confirmed_at: z.string().nullable(),
  published_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  created_at: z.string(),
});

const NewReleaseBody = z.object({
  title: text(200, "标题"),
  period: z.string().regex(PERIOD_PATTERN, { error: "统计期须为“年-月”，例如 2026-12" }),
  scheduled_at: Instant,
});
const RescheduleBody = z.object({
  scheduled_at: Instant,
  reason: z.string().trim().max(1000).default(""),
});
const CancelBody = z.object({ notice: text(2000, "取消公告"), reason: text(1000, "取消原因") });
const NoticeBody = z.object({
  kind: z.enum(["correction", "notice"]),
  body: text(4000, "内容"),
  reason: text(1000, "原因"),
});

const IdStatus = (status: "confirmed" | "cancelled") =>
  z.object({ id: z.number(), status: z.literal(status) });

const listRoute = createRoute({
  method: "get",
  path: "/",
  summary: "The release calendar",
  responses: {
    200: jsonResponse("Every release.", z.object({ releases: z.array(ReleaseSchema) })),
    ...GUARD_ERRORS,
  },
});

releases.openapi(listRoute, async (c) => c.json({ releases: await listReleases(c.env.DB) }, 200));

const createReleaseRoute = createRoute({
  method: "post",
  path: "/",
  summary: "Announce a release (provisional until confirmed)",
  middleware: [requireJson] as const,
  request: { body: jsonBody(NewReleaseBody) },
  responses: {
    201: jsonResponse("Announced.", z.object({ id: z.number() })),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
  },
});

releases.openapi(createReleaseRoute, async (c) =>
  c.json({ id: await createRelease(c.env.DB, c.req.valid("json"), actorOf(c), now()) }, 201),
);

const confirmRoute = createRoute({
  method: "post",
  path: "/{id}/confirm",
  summary: "Confirm a release's date",
  request: { params: IdParam },
  responses: {
    200: jsonResponse("Confirmed.", IdStatus("confirmed")),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
  },
});

releases.openapi(confirmRoute, async (c) => {
  const id = idOf(c, noSuchRelease);
  await confirmRelease(c.env.DB, id, actorOf(c), now());
  return c.json({ id, status: "confirmed" as const }, 200);
});

const rescheduleRoute = createRoute({
  method: "post",
  path: "/{id}/reschedule",
  summary: "Move a release to another time, with the reason",
  middleware: [knownId, requireJson] as const,
  request: { params: IdParam, body: jsonBody(RescheduleBody) },
  responses: {
    200: jsonResponse("Moved.", z.object({ id: z.number(), scheduled_at: z.string() })),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
  },
});

releases.openapi(rescheduleRoute, async (c) => {
  const id = idOf(c, noSuchRelease);
  const body = c.req.valid("json");
  await rescheduleRelease(c.env.DB, id, body, actorOf(c), now());
  return c.json({ id, scheduled_at: body.scheduled_at }, 200);
});

const cancelRoute = createRoute({
  method: "post",
  path: "/{id}/cancel",
  summary: "Cancel a release, with a public notice",
  middleware: [knownId, requireJson] as const,
  request: { params: IdParam, body: jsonBody(CancelBody) },
  responses: {
    200: jsonResponse("Cancelled.", IdStatus("cancelled")),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
  },
});

releases.openapi(cancelRoute, async (c) => {
  const id = idOf(c, noSuchRelease);
  await cancelRelease(c.env.DB, id, c.req.valid("json"), actorOf(c), now());
  return c.json({ id, status: "cancelled" as const }, 200);
});

const noticeRoute = createRoute({
  method: "post",
  path: "/{id}/notices",
  summary: "Add a correction or a notice to a release",
  middleware: [knownId, requireJson] as const,
  request: { params: IdParam, body: jsonBody(NoticeBody) },
  responses: {
    201: jsonResponse(
      "Added.",
      z.object({ release_id: z.number(), kind: z.enum(["correction", "notice"]) }),
    ),
    ...GUARD_ERRORS,
    400: ADMIN_ERRORS[400],
    404: ADMIN_ERRORS[404],
    409: ADMIN_ERRORS[409],
    415: ADMIN_ERRORS[415],
  },
});

releases.openapi(noticeRoute, async (c) => {
  const id = idOf(c, noSuchRelease);
  const body = c.req.valid("json");
  await addNotice(c.env.DB, { releaseId: id }, body, actorOf(c), now());
  return c.json({ release_id: id, kind: body.kind }, 201);
});
