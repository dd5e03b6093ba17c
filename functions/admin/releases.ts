/** /api/admin/releases: the release calendar (editors). */
import { Hono } from "hono";
import { z } from "zod";
import { listReleases } from "../../src/db/releases.ts";
import { PERIOD_PATTERN } from "../../src/lib/periods.ts";
import { addNotice } from "../../src/services/bulletin-editing.ts";
import {
  cancelRelease,
  confirmRelease,
  createRelease,
  rescheduleRelease,
} from "../../src/services/release-calendar.ts";
import { problem } from "../problem.ts";
import { actorOf, guard, type AdminEnv } from "./guard.ts";
import { attempt, idParam, readJson } from "./respond.ts";

export const releases = new Hono<AdminEnv>();
releases.use("*", guard("releases"));

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

releases.get("/", async (c) => c.json({ releases: await listReleases(c.env.DB) }));

releases.post("/", async (c) => {
  const body = await readJson(
    c,
    z.object({
      title: text(200, "标题"),
      period: z.string().regex(PERIOD_PATTERN, { error: "统计期须为“年-月”，例如 2026-12" }),
      scheduled_at: Instant,
    }),
  );
  if (!body.ok) return body.response;
  return attempt(c, async () =>
    c.json({ id: await createRelease(c.env.DB, body.data, actorOf(c), now()) }, 201),
  );
});

const withId = (c: Parameters<typeof idParam>[0]) => {
  const id = idParam(c);
  return id ? id : null;
};

releases.post("/:id/confirm", async (c) => {
  const id = withId(c);
  if (!id) return problem(c, 404, "No such release.", "没有这个发布。");
  return attempt(c, async () => {
    await confirmRelease(c.env.DB, id, actorOf(c), now());
    return c.json({ id, status: "confirmed" });
  });
});

releases.post("/:id/reschedule", async (c) => {
  const id = withId(c);
  if (!id) return problem(c, 404, "No such release.", "没有这个发布。");
  const body = await readJson(
    c,
    z.object({ scheduled_at: Instant, reason: z.string().trim().max(1000).default("") }),
  );
  if (!body.ok) return body.response;
  return attempt(c, async () => {
    await rescheduleRelease(c.env.DB, id, body.data, actorOf(c), now());
    return c.json({ id, scheduled_at: body.data.scheduled_at });
  });
});

releases.post("/:id/cancel", async (c) => {
  const id = withId(c);
  if (!id) return problem(c, 404, "No such release.", "没有这个发布。");
  const body = await readJson(
    c,
    z.object({ notice: text(2000, "取消公告"), reason: text(1000, "取消原因") }),
  );
  if (!body.ok) return body.response;
  return attempt(c, async () => {
    await cancelRelease(c.env.DB, id, body.data, actorOf(c), now());
    return c.json({ id, status: "cancelled" });
  });
});

releases.post("/:id/notices", async (c) => {
  const id = withId(c);
  if (!id) return problem(c, 404, "No such release.", "没有这个发布。");
  const body = await readJson(
    c,
    z.object({
      kind: z.enum(["correction", "notice"]),
      body: text(4000, "内容"),
      reason: text(1000, "原因"),
    }),
  );
  if (!body.ok) return body.response;
  return attempt(c, async () => {
    await addNotice(c.env.DB, { releaseId: id }, body.data, actorOf(c), now());
    return c.json({ release_id: id, kind: body.data.kind }, 201);
  });
});
