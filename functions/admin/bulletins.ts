/** /api/admin/bulletins: drafts, preview data, scheduling, publication, corrections (editors). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { BULLETIN_STATUSES, findBulletin, listAllBulletins } from "../../src/db/bulletins.ts";
import { findRelease } from "../../src/db/releases.ts";
import { INDICATOR_KEYS } from "../../src/lib/indicators.ts";
import { loadBulletinView } from "../../src/services/bulletin-report.ts";
import { chinaDate } from "../../src/lib/china-time.ts";
import {
  addNotice,
  createBulletin,
  publishBulletinNow,
  scheduleBulletin,
  unscheduleBulletin,
  updateBulletin,
} from "../../src/services/bulletin-editing.ts";
import { ApiError } from "../api-error.ts";
import { validationHook } from "../validation.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { Instant } from "./releases.ts";
import { IdParam, idOf, jsonBody, requireJson } from "./request.ts";
import { ADMIN_ERRORS, GUARD_ERRORS, jsonResponse } from "./schemas.ts";

export const bulletins = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
bulletins.use("*", guard("bulletins"));

// A bulletin's id is checked after its body (a bad body is 400 before a bad id's 404).
const noSuchBulletin = () => new ApiError(404, "No such bulletin.", "没有这个公报。");

const now = () => new Date().toISOString();

const BulletinBody = z.object({
  release_id: z.number().int().positive(),
  title: z.string().trim().min(1, { error: "标题不能为空" }).max(200),
  region_code: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, { error: "范围须为村级以上的区划代码" }),
  headline_indicators: z
    .array(z.enum(INDICATOR_KEYS, { error: "须从发布的指标中选择" }))
    .min(2, { error: "请选择2至6个主要指标" })
    .max(6, { error: "请选择2至6个主要指标" })
    .refine((keys) => new Set(keys).size === keys.length, { error: "主要指标不能重复" }),
  narrative_md: z.string().max(20_000, { error: "正文不能超过2万字" }).default(""),
});

const ScheduleBody = z.object({ publish_at: Instant.nullable().default(null) });
const CorrectionBody = z.object({
  kind: z.enum(["correction", "notice"]).default("correction"),
  body: z.string().trim().min(1, { error: "更正内容不能为空" }).max(4000),
  reason: z.string().trim().min(1, { error: "更正原因不能为空" }).max(1000),
});

const BulletinSchema = z.object({
  id: z.number(),
  release_id: z.number(),
  title: z.string(),
  period: z.string(),
  region_code: z.string(),
  headline_indicators: z.string().openapi({ description: "The indicator keys, as a JSON array." }),
  narrative_md: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  publish_at: z.string().nullable(),
  published_at: z.string().nullable(),
  reminders_json: z.string().nullable(),
  updated_at: z.string(),
});

/** Every write route's errors: its body, its id, and a refusal of the bulletin's state. */
const WRITE_ERRORS = {
  ...GUARD_ERRORS,
  400: ADMIN_ERRORS[400],
  404: ADMIN_ERRORS[404],
  409: ADMIN_ERRORS[409],
} as const;

const listRoute = createRoute({
  method: "get",
  path: "/",
  summary: "The bulletins, newest first (at most 200)",
  responses: {
    200: jsonResponse(
      "The bulletins with their region's name.",
      z.object({ bulletins: z.array(BulletinSchema.extend({ region_name: z.string() })) }),
    ),
    ...GUARD_ERRORS,
  },
});

bulletins.openapi(listRoute, async (c) =>
  c.json({ bulletins: await listAllBulletins(c.env.DB) }, 200),
);

const createBulletinRoute = createRoute({
  method: "post",
  path: "/",
  summary: "Draft a bulletin of a release",
  middleware: [requireJson] as const,
  request: { body: jsonBody(BulletinBody) },
  responses: {
    201: jsonResponse("Drafted.", z.object({ id: z.number() })),
    ...WRITE_ERRORS,
    415: ADMIN_ERRORS[415],
  },
});

bulletins.openapi(createBulletinRoute, async (c) =>
  c.json({ id: await createBulletin(c.env.DB, c.req.valid("json"), actorOf(c), now()) }, 201),
);

const previewRoute = createRoute({
  method: "get",
  path: "/{id}/preview",
  summary: "A bulletin and the figures it will show, as of today",
  request: { params: IdParam },
  responses: {
    200: jsonResponse(
      "The bulletin and its view (the figures of its region and release).",
      z.object({ bulletin: BulletinSchema, view: z.record(z.string(), z.unknown()) }),
    ),
    ...GUARD_ERRORS,
    404: ADMIN_ERRORS[404],
  },
});

bulletins.openapi(previewRoute, async (c) => {
  const bulletin = await findBulletin(c.env.DB, idOf(c, noSuchBulletin));
  const release = bulletin ? await findRelease(c.env.DB, bulletin.release_id) : null;
  if (!bulletin || !release) throw noSuchBulletin();
  const view = await loadBulletinView(c.env.DB, bulletin, release, chinaDate(now()));
  return c.json({ bulletin, view }, 200);
});

const updateRoute = createRoute({
  method: "put",
  path: "/{id}",
  summary: "Edit a draft bulletin",
  middleware: [requireJson] as const,
  request: { params: IdParam, body: jsonBody(BulletinBody) },
  responses: {
    200: jsonResponse("Saved.", z.object({ id: z.number() })),
    ...WRITE_ERRORS,
    415: ADMIN_ERRORS[415],
  },
});

bulletins.openapi(updateRoute, async (c) => {
  const body = c.req.valid("json");
  const id = idOf(c, noSuchBulletin);
  await updateBulletin(c.env.DB, id, body, actorOf(c), now());
  return c.json({ id }, 200);
});

const StandingBulletin = jsonResponse("The bulletin as it now stands.", BulletinSchema.nullable());

const scheduleRoute = createRoute({
  method: "post",
  path: "/{id}/schedule",
  summary: "Schedule a bulletin's publication (publish_at null: with its release)",
  middleware: [requireJson] as const,
  request: { params: IdParam, body: jsonBody(ScheduleBody) },
  responses: { 200: StandingBulletin, ...WRITE_ERRORS, 415: ADMIN_ERRORS[415] },
});

bulletins.openapi(scheduleRoute, async (c) => {
  const { publish_at } = c.req.valid("json");
  const id = idOf(c, noSuchBulletin);
  await scheduleBulletin(c.env.DB, id, publish_at, actorOf(c), now());
  return c.json(await findBulletin(c.env.DB, id), 200);
});

const unscheduleRoute = createRoute({
  method: "post",
  path: "/{id}/unschedule",
  summary: "Withdraw a scheduled bulletin (back to draft)",
  request: { params: IdParam },
  responses: { 200: StandingBulletin, ...WRITE_ERRORS },
});

bulletins.openapi(unscheduleRoute, async (c) => {
  const id = idOf(c, noSuchBulletin);
  await unscheduleBulletin(c.env.DB, id, actorOf(c), now());
  return c.json(await findBulletin(c.env.DB, id), 200);
});

const publishRoute = createRoute({
  method: "post",
  path: "/{id}/publish",
  summary: "Publish a bulletin now (its release must be published)",
  request: { params: IdParam },
  responses: { 200: StandingBulletin, ...WRITE_ERRORS },
});

bulletins.openapi(publishRoute, async (c) => {
  const id = idOf(c, noSuchBulletin);
  await publishBulletinNow(c.env.DB, id, actorOf(c), now());
  return c.json(await findBulletin(c.env.DB, id), 200);
});

const correctionRoute = createRoute({
  method: "post",
  path: "/{id}/corrections",
  summary: "Add a correction or a notice to a published bulletin",
  middleware: [requireJson] as const,
  request: { params: IdParam, body: jsonBody(CorrectionBody) },
  responses: {
    201: jsonResponse(
      "Added.",
      z.object({ bulletin_id: z.number(), kind: z.enum(["correction", "notice"]) }),
    ),
    ...WRITE_ERRORS,
    415: ADMIN_ERRORS[415],
  },
});

bulletins.openapi(correctionRoute, async (c) => {
  const body = c.req.valid("json");
  const id = idOf(c, noSuchBulletin);
  await addNotice(c.env.DB, { bulletinId: id }, body, actorOf(c), now());
  return c.json({ bulletin_id: id, kind: body.kind }, 201);
});
