/** /api/admin/bulletins: drafts, preview data, scheduling, publication, corrections (editors). */
import { Hono } from "hono";
import { z } from "zod";
import { findBulletin, listAllBulletins } from "../../src/db/bulletins.ts";
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
import { problem } from "../problem.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { Instant } from "./releases.ts";
import { attempt, idParam, readJson } from "./respond.ts";

export const bulletins = new Hono<AdminEnv>();
bulletins.use("*", guard("bulletins"));

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

bulletins.get("/", async (c) => c.json({ bulletins: await listAllBulletins(c.env.DB) }));

bulletins.post("/", async (c) => {
  const body = await readJson(c, BulletinBody);
  if (!body.ok) return body.response;
  return attempt(c, async () =>
    c.json({ id: await createBulletin(c.env.DB, body.data, actorOf(c), now()) }, 201),
  );
});

bulletins.get("/:id/preview", async (c) => {
  const bulletin = await findBulletin(c.env.DB, idParam(c) ?? 0);
  const release = bulletin ? await findRelease(c.env.DB, bulletin.release_id) : null;
  if (!bulletin || !release) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return c.json({
    bulletin,
    view: await loadBulletinView(c.env.DB, bulletin, release, chinaDate(now())),
  });
});

bulletins.put("/:id", async (c) => {
  const id = idParam(c);
  const body = await readJson(c, BulletinBody);
  if (!body.ok) return body.response;
  if (!id) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return attempt(c, async () => {
    await updateBulletin(c.env.DB, id, body.data, actorOf(c), now());
    return c.json({ id });
  });
});

bulletins.post("/:id/schedule", async (c) => {
  const id = idParam(c);
  const body = await readJson(c, z.object({ publish_at: Instant.nullable().default(null) }));
  if (!body.ok) return body.response;
  if (!id) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return attempt(c, async () => {
    await scheduleBulletin(c.env.DB, id, body.data.publish_at, actorOf(c), now());
    return c.json(await findBulletin(c.env.DB, id));
  });
});

bulletins.post("/:id/unschedule", async (c) => {
  const id = idParam(c);
  if (!id) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return attempt(c, async () => {
    await unscheduleBulletin(c.env.DB, id, actorOf(c), now());
    return c.json(await findBulletin(c.env.DB, id));
  });
});

bulletins.post("/:id/publish", async (c) => {
  const id = idParam(c);
  if (!id) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return attempt(c, async () => {
    await publishBulletinNow(c.env.DB, id, actorOf(c), now());
    return c.json(await findBulletin(c.env.DB, id));
  });
});

bulletins.post("/:id/corrections", async (c) => {
  const id = idParam(c);
  const body = await readJson(
    c,
    z.object({
      kind: z.enum(["correction", "notice"]).default("correction"),
      body: z.string().trim().min(1, { error: "更正内容不能为空" }).max(4000),
      reason: z.string().trim().min(1, { error: "更正原因不能为空" }).max(1000),
    }),
  );
  if (!body.ok) return body.response;
  if (!id) return problem(c, 404, "No such bulletin.", "没有这个公报。");
  return attempt(c, async () => {
    await addNotice(c.env.DB, { bulletinId: id }, body.data, actorOf(c), now());
    return c.json({ bulletin_id: id, kind: body.data.kind }, 201);
  });
});
