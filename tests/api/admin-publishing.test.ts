/**
 * The release calendar's rules and the Cron Trigger's publishing, on a real D1:
 * four weeks' notice to confirm, reasons for moved dates, notices for cancellations,
 * nothing published before its time, corrections that can never be removed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { findBulletin } from "../../src/db/bulletins.ts";
import { findRelease } from "../../src/db/releases.ts";
import { publishDue } from "../../src/services/due-publication.ts";
import { PROVISIONAL_MOVE } from "../../src/services/release-calendar.ts";
import { call, loadAdminFixture, signIn, type Session } from "./admin-support.ts";

let editor: Session;
beforeAll(async () => {
  await loadAdminFixture();
  editor = await signIn("editor");
});

const DAY = 86_400_000;
const inDays = (days: number, from = Date.now()) =>
  new Date(from + days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
const post = (path: string, json: unknown = {}) => call("POST", path, { as: editor, json });

async function newRelease(days: number, period = "2026-12"): Promise<number> {
  const r = await post("/api/admin/releases", {
    title: `${period} 月度进度表`,
    period,
    scheduled_at: inDays(days),
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe("release calendar rules", () => {
  it("confirms a date only four weeks ahead", async () => {
    const soon = await newRelease(20);
    const refused = await post(`/api/admin/releases/${soon}/confirm`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail_zh).toContain("至少提前四周");
    expect((await findRelease(env.DB, soon))?.status).toBe("provisional");
    const later = await newRelease(29);
    expect((await post(`/api/admin/releases/${later}/confirm`)).status).toBe(200);
    expect((await findRelease(env.DB, later))?.status).toBe("confirmed");
  });

  it("moves a confirmed date only with a reason, which is kept", async () => {
    const id = await newRelease(40);
    await post(`/api/admin/releases/${id}/confirm`);
    const old = (await findRelease(env.DB, id))!.scheduled_at;
    const noReason = await post(`/api/admin/releases/${id}/reschedule`, {
      scheduled_at: inDays(45),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.detail_zh).toContain("必须说明原因");
    const moved = await post(`/api/admin/releases/${id}/reschedule`, {
      scheduled_at: inDays(45),
      reason: "统计局数据推迟",
    });
    expect(moved.status).toBe(200);
    const change = await env.DB.prepare(
      "SELECT old_at, new_at, reason FROM release_date_changes WHERE release_id = ?1",
    )
      .bind(id)
      .first();
    expect(change).toEqual({
      old_at: old,
      new_at: moved.body.scheduled_at,
      reason: "统计局数据推迟",
    });
  });

  it("records a provisional date moved without a reason, so the calendar keeps its history", async () => {
    const id = await newRelease(40);
    const old = (await findRelease(env.DB, id))!.scheduled_at;
    const moved = await post(`/api/admin/releases/${id}/reschedule`, { scheduled_at: inDays(44) });
    expect(moved.status).toBe(200);
    const changes = await env.DB.prepare(
      "SELECT old_at, new_at, reason FROM release_date_changes WHERE release_id = ?1",
    )
      .bind(id)
      .all();
    expect(changes.results).toEqual([
      { old_at: old, new_at: moved.body.scheduled_at, reason: PROVISIONAL_MOVE },
    ]);
    // The releases dataset changed: its live version moves with it.
    const changedAt = await env.DB.prepare(
      "SELECT changed_at FROM release_date_changes WHERE release_id = ?1",
    )
      .bind(id)
      .first<{ changed_at: string }>();
    const meta = await env.DB.prepare(
      "SELECT value FROM dataset_meta WHERE key = 'last_updated'",
    ).first<{ value: string }>();
    expect(meta?.value).toBe(changedAt?.changed_at);
  });

  it("cancels only with a notice, and a cancelled release stays cancelled", async () => {
    const id = await newRelease(50);
    const bare = await post(`/api/admin/releases/${id}/cancel`, { notice: "", reason: "" });
    expect(bare.status).toBe(400);
    expect(
      (
        await post(`/api/admin/releases/${id}/cancel`, {
          notice: "本期取消，并入下期。",
          reason: "数据口径调整",
        })
      ).status,
    ).toBe(200);
    const notice = await env.DB.prepare("SELECT kind, body FROM notices WHERE release_id = ?1")
      .bind(id)
      .first();
    expect(notice).toEqual({ kind: "cancellation", body: "本期取消，并入下期。" });
    expect((await post(`/api/admin/releases/${id}/confirm`)).status).toBe(409);
  });

  it("refuses a time in the past and bad input with a clear message", async () => {
    const past = await post("/api/admin/releases", {
      title: "x",
      period: "2026-01",
      scheduled_at: "2020-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    const bad = await post("/api/admin/releases", {
      title: "",
      period: "2026-13",
      scheduled_at: "soon",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual([
      "title",
      "period",
      "scheduled_at",
    ]);
  });
});

describe("publishing at the announced time (Cron Trigger)", () => {
  it("publishes a confirmed release and its scheduled bulletin at their time, not before", async () => {
    const id = await newRelease(30, "2025-12");
    expect((await post(`/api/admin/releases/${id}/confirm`)).status).toBe(200);
    const created = await post("/api/admin/bulletins", {
      release_id: id,
      title: "藤县2025年12月进度表",
      region_code: "450422",
      headline_indicators: ["income_total", "coverage"],
      narrative_md: "正文",
    });
    expect(created.status).toBe(201);
    const bulletinId = created.body.id;
    // Publishing now is refused: the release is not out.
    const early = await post(`/api/admin/bulletins/${bulletinId}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.detail_zh).toContain("不能提前发布");
    // A time before the release is refused too.
    expect(
      (await post(`/api/admin/bulletins/${bulletinId}/schedule`, { publish_at: inDays(1) })).status,
    ).toBe(400);
    const scheduled = await post(`/api/admin/bulletins/${bulletinId}/schedule`, {});
    expect(scheduled.body).toMatchObject({ status: "scheduled" });
    const release = (await findRelease(env.DB, id))!;
    expect(scheduled.body.publish_at).toBe(release.scheduled_at);

    // A minute before: not this one (other tests' releases may fall due).
    const justBefore = new Date(Date.parse(release.scheduled_at) - 60_000).toISOString();
    const early2 = await publishDue(env.DB, justBefore);
    expect(early2.releases).not.toContain(id);
    expect(early2.bulletins).not.toContain(bulletinId);
    expect((await findBulletin(env.DB, bulletinId))?.status).toBe("scheduled");

    // Five minutes after its time: published, frozen as of the announced time.
    const after = new Date(Date.parse(release.scheduled_at) + 5 * 60_000).toISOString();
    const done = await publishDue(env.DB, after);
    expect(done.releases).toContain(id);
    expect(done.bulletins).toEqual([bulletinId]);
    const published = (await findRelease(env.DB, id))!;
    expect(published).toMatchObject({ status: "published", published_at: release.scheduled_at });
    const bulletin = (await findBulletin(env.DB, bulletinId))!;
    expect(bulletin).toMatchObject({ status: "published", published_at: release.scheduled_at });
    // The 提醒函 is kept as published: 戊村委会 (450422105202) never reports.
    const reminders = JSON.parse(bulletin.reminders_json!);
    expect(reminders.notReporting.map((v: { code: string }) => v.code)).toEqual(["450422105202"]);
    // Running again publishes nothing twice.
    expect(await publishDue(env.DB, after)).toEqual({ releases: [], bulletins: [] });
  });
});

describe("corrections", () => {
  it("are appended to a published bulletin and can never be deleted or edited", async () => {
    const release = await env.DB.prepare(
      `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, published_at, created_at)
       VALUES ('r', '2025-12', 'published', '2026-01-20T02:00:00Z', '2025-12-01T00:00:00Z', '2026-01-20T02:00:00Z',
       '2025-12-01T00:00:00Z') RETURNING id`,
    ).first<{ id: number }>();
    const draft = await post("/api/admin/bulletins", {
      release_id: release!.id,
      title: "藤县进度表",
      region_code: "450422",
      headline_indicators: ["income_total", "yoy_growth"],
    });
    // A draft takes no correction (it is edited instead).
    expect(
      (await post(`/api/admin/bulletins/${draft.body.id}/corrections`, { body: "x", reason: "y" }))
        .status,
    ).toBe(409);
    expect((await post(`/api/admin/bulletins/${draft.body.id}/publish`)).status).toBe(200);
    const added = await post(`/api/admin/bulletins/${draft.body.id}/corrections`, {
      body: "表中藤县合计更正为162.00万元。",
      reason: "汇总漏计",
    });
    expect(added.status).toBe(201);
    // No endpoint removes or edits one...
    for (const method of ["DELETE", "PUT", "PATCH"]) {
      const r = await call(method, `/api/admin/bulletins/${draft.body.id}/corrections`, {
        as: editor,
        json: {},
      });
      expect(r.status, method).toBe(404);
    }
    // ... and the database refuses to, whoever asks.
    await expect(env.DB.prepare("DELETE FROM notices").run()).rejects.toThrow(/cannot be deleted/);
    await expect(env.DB.prepare("UPDATE notices SET body = 'x'").run()).rejects.toThrow(
      /cannot be edited/,
    );
    // The published bulletin itself cannot be edited either.
    const edit = await call("PUT", `/api/admin/bulletins/${draft.body.id}`, {
      as: editor,
      json: {
        release_id: release!.id,
        title: "改",
        region_code: "450422",
        headline_indicators: ["income_total", "coverage"],
      },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.detail_zh).toContain("只能追加更正说明");
  });

  it("headline figures are chosen from the indicators, 2 to 6 of them", async () => {
    const base = { release_id: 1, title: "t", region_code: "450422" };
    const typed = await post("/api/admin/bulletins", {
      ...base,
      headline_indicators: ["income_total", "1234万元"],
    });
    expect(typed.status).toBe(400);
    expect(typed.body.detail_zh).toContain("须从发布的指标中选择");
    const one = await post("/api/admin/bulletins", {
      ...base,
      headline_indicators: ["income_total"],
    });
    expect(one.body.detail_zh).toContain("2至6个");
  });
});
