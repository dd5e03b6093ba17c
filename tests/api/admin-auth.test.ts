/** Sign-in, sessions, sign-out, throttling and cross-site protection of the back office. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/bytes.ts";
import {
  ACCOUNTS,
  call,
  currentCode,
  loadAdminFixture,
  PASSWORD,
  signIn,
} from "./admin-support.ts";

beforeAll(loadAdminFixture);

const login = (
  email: string,
  password: string,
  code: string,
  headers: Record<string, string> = {},
) => call("POST", "/api/admin/session/login", { json: { email, password, code }, headers });

describe("sign-in", () => {
  it("sets a __Host- session cookie (Secure, HttpOnly, SameSite=Lax) and stores only its hash", async () => {
    await env.DB.prepare("UPDATE users SET totp_last_step = NULL").run();
    const response = await login(ACCOUNTS.editor.email, PASSWORD, await currentCode("editor"));
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email: ACCOUNTS.editor.email, role: "editor" });
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(
      /^__Host-ledger_session=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Lax/,
    );
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const stored = await env.DB.prepare("SELECT token_hash FROM sessions").all<{
      token_hash: string;
    }>();
    expect(stored.results.map((r) => r.token_hash)).toContain(await sha256Hex(token));
    expect(JSON.stringify(stored.results)).not.toContain(token);
  });

  it("refuses a wrong password, a wrong code, a replayed code, and an unknown account alike", async () => {
    await env.DB.prepare("UPDATE users SET totp_last_step = NULL").run();
    const code = await currentCode("admin");
    const headers = { "CF-Connecting-IP": "192.0.2.10" };
    expect((await login(ACCOUNTS.admin.email, "wrong password!", code, headers)).status).toBe(401);
    expect((await login(ACCOUNTS.admin.email, PASSWORD, "000000", headers)).status).toBe(401);
    expect((await login("nobody@ledger.test", PASSWORD, code, headers)).status).toBe(401);
    const ok = await login(ACCOUNTS.admin.email, PASSWORD, code, headers);
    expect(ok.status).toBe(200);
    const replay = await login(ACCOUNTS.admin.email, PASSWORD, code, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.detail_zh).toBe("邮箱、密码或动态验证码不正确。");
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await login(ACCOUNTS.editor.email, PASSWORD, await currentCode("editor"), {
      Origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
  });
});

describe("sign-in without JavaScript", () => {
  const post = (fields: Record<string, string>) =>
    call("POST", "/api/admin/session/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });

  it("a plain form post signs in and redirects to the back office, or back with the reason", async () => {
    await env.DB.prepare("UPDATE users SET totp_last_step = NULL").run();
    const wrong = await post({ email: ACCOUNTS.editor.email, password: "nope", code: "123456" });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("Location")).toBe("/admin/login?error=invalid");
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
    const ok = await post({
      email: ACCOUNTS.editor.email,
      password: PASSWORD,
      code: await currentCode("editor"),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/admin");
    expect(ok.headers.get("Set-Cookie")).toMatch(/^__Host-ledger_session=/);
  });
});

describe("throttling", () => {
  it("locks an account after 5 failures, even for the right password", async () => {
    await env.DB.prepare("UPDATE users SET totp_last_step = NULL").run();
    const headers = { "CF-Connecting-IP": "198.51.100.1" };
    for (let i = 0; i < 5; i++) {
      expect((await login(ACCOUNTS.clerk.email, `wrong ${i}`, "123456", headers)).status).toBe(401);
    }
    const locked = await login(ACCOUNTS.clerk.email, PASSWORD, await currentCode("clerk"), headers);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("Retry-After")).toBe("900");
    expect(locked.body.detail_zh).toContain("登录失败次数过多");
    // Once the window has passed (attempts moved back 16 minutes), the account opens again.
    await env.DB.prepare(
      "UPDATE login_attempts SET attempted_at = '2000-01-01T00:00:00Z' WHERE key = ?1",
    )
      .bind(`account:${ACCOUNTS.clerk.email}`)
      .run();
    const again = await login(ACCOUNTS.clerk.email, PASSWORD, await currentCode("clerk"), {
      "CF-Connecting-IP": "198.51.100.2",
    });
    expect(again.status).toBe(200);
  });

  it("limits one address to 20 failures across accounts", async () => {
    const headers = { "CF-Connecting-IP": "203.0.113.7" };
    for (let i = 0; i < 20; i++) {
      const r = await login(`guess${i % 4}@ledger.test`, "x", "111111", headers);
      expect(r.status).toBe(401);
    }
    const blocked = await login("guess9@ledger.test", "x", "111111", headers);
    expect(blocked.status).toBe(429);
    const elsewhere = await login("guess9@ledger.test", "x", "111111", {
      "CF-Connecting-IP": "203.0.113.8",
    });
    expect(elsewhere.status).toBe(401);
  });
});

describe("sessions", () => {
  it("answers /me with the user and the anti-forgery token", async () => {
    const session = await signIn("clerk");
    const me = await call("GET", "/api/admin/session/me", { as: session });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: "clerk", region_code: "450422104" });
    expect(me.body.csrf).toMatch(/^[0-9a-f]{43}$/);
  });

  it("expires after 30 idle minutes", async () => {
    const session = await signIn("editor");
    const hash = await sha256Hex(session.cookie.split("=")[1]!);
    const idle = new Date(Date.now() - 31 * 60_000).toISOString();
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1")
      .bind(hash, idle)
      .run();
    expect((await call("GET", "/api/admin/session/me", { as: session })).status).toBe(401);
  });

  it("expires at its absolute time-out however active", async () => {
    const session = await signIn("editor");
    const hash = await sha256Hex(session.cookie.split("=")[1]!);
    await env.DB.prepare("UPDATE sessions SET expires_at = ?2 WHERE token_hash = ?1")
      .bind(hash, new Date(Date.now() - 1000).toISOString())
      .run();
    expect((await call("GET", "/api/admin/session/me", { as: session })).status).toBe(401);
  });

  it("sign-out revokes the session on the server", async () => {
    const session = await signIn("editor");
    const out = await call("POST", "/api/admin/session/logout", { as: session });
    expect(out.status).toBe(200);
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    // The old cookie, replayed, no longer works.
    expect((await call("GET", "/api/admin/session/me", { as: session })).status).toBe(401);
    const revoked = await env.DB.prepare("SELECT revoked_at FROM sessions WHERE token_hash = ?1")
      .bind(await sha256Hex(session.cookie.split("=")[1]!))
      .first<{ revoked_at: string | null }>();
    expect(revoked?.revoked_at).not.toBeNull();
  });
});

describe("cross-site request forgery", () => {
  it("refuses a write without the token, with a wrong token, or from another origin", async () => {
    const session = await signIn("editor");
    const body = { title: "t", period: "2027-01", scheduled_at: "2027-02-20T02:00:00Z" };
    const before = await env.DB.prepare("SELECT count(*) AS n FROM releases").first<{
      n: number;
    }>();
    const noToken = await call("POST", "/api/admin/releases", {
      as: session,
      json: body,
      noCsrf: true,
    });
    const wrong = await call("POST", "/api/admin/releases", {
      as: session,
      json: body,
      noCsrf: true,
      headers: { "X-CSRF-Token": "0".repeat(43) },
    });
    const crossSite = await call("POST", "/api/admin/releases", {
      as: session,
      json: body,
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect([noToken.status, wrong.status, crossSite.status]).toEqual([403, 403, 403]);
    expect(noToken.body.detail_zh).toContain("防伪令牌");
    const after = await env.DB.prepare("SELECT count(*) AS n FROM releases").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
    // The same request from the site with its token goes through.
    expect((await call("POST", "/api/admin/releases", { as: session, json: body })).status).toBe(
      201,
    );
  });
});
