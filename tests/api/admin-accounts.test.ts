/**
 * Account features of the back office on the real D1: a user changes their password
 * (and every other session of theirs ends), an administrator resets another user's
 * password (who then can do nothing but change it) or authenticator, and the Cron
 * Trigger's pruning of old sign-in attempts and sessions.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { insertUserStatement, type Role } from "../../src/db/users.ts";
import { fromBase32, sha256Hex, toBase32 } from "../../src/lib/bytes.ts";
import { hashPassword } from "../../src/lib/password.ts";
import { qrPath } from "../../src/lib/qr.ts";
import { hotp, totp, totpUri } from "../../src/lib/totp.ts";
import { LOGIN_ATTEMPTS_KEPT_MS, pruneSignInRecords } from "../../src/services/accounts.ts";
import { adminIdentity } from "../../src/services/admin-page.ts";
import {
  call,
  loadAdminFixture,
  ORIGIN,
  PASSWORD,
  signIn as signInFixture,
  snapshot,
  type Session,
} from "./admin-support.ts";

beforeAll(loadAdminFixture);

interface Account {
  id: number;
  email: string;
  secret: string;
  password: string;
}

let made = 0;
/** A fresh account of its own for each test, so that no test depends on another. */
async function account(role: Role = "editor"): Promise<Account> {
  made++;
  const email = `person${made}@ledger.test`;
  const secret = toBase32(
    new TextEncoder().encode(`account-secret-${String(made).padStart(5, "0")}`),
  );
  await insertUserStatement(env.DB, {
    email,
    display_name: `用户${made}`,
    role,
    region_code: role === "clerk" ? "450422104" : null,
    password: await hashPassword(PASSWORD),
    totp_secret: secret,
    created_at: "2026-01-01T00:00:00Z",
  }).run();
  const row = await env.DB.prepare("SELECT id FROM users WHERE email = ?1")
    .bind(email)
    .first<{ id: number }>();
  return { id: row!.id, email, secret, password: PASSWORD };
}

/** The code of the 30-second step `offset` steps from now. */
const code = (secret: string, offset = 0) =>
  totp(fromBase32(secret), Date.now() / 1000 + offset * 30);

/** As if 30 seconds had passed since the last code was used. */
const forgetUsedCode = (a: { id: number }) =>
  env.DB.prepare("UPDATE users SET totp_last_step = NULL WHERE id = ?1").bind(a.id).run();

async function login(a: Account, password = a.password, ip = "192.0.2.1") {
  await forgetUsedCode(a);
  return call("POST", "/api/admin/session/login", {
    json: { email: a.email, password, code: await code(a.secret) },
    headers: { "CF-Connecting-IP": ip },
  });
}

async function signIn(a: Account): Promise<Session> {
  const response = await login(a);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const cookie = (response.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
  const me = await call("GET", "/api/admin/session/me", { as: { cookie, csrf: "" } });
  return { cookie, csrf: me.body.csrf };
}

const me = (s: Session) => call("GET", "/api/admin/session/me", { as: s });

/** A password change with the next step's code (the current one was used to sign in). */
async function changePassword(
  s: Session,
  a: Account,
  fields: Partial<
    Record<"current_password" | "new_password" | "new_password_repeat" | "code", string>
  > = {},
  headers: Record<string, string> = {},
) {
  const next = fields.new_password ?? "a brand new passphrase";
  return call("POST", "/api/admin/account/password", {
    as: s,
    json: {
      current_password: a.password,
      new_password: next,
      new_password_repeat: next,
      code: await code(a.secret, 1),
      ...fields,
    },
    headers,
  });
}

const auditRows = async (action: string, id: number) =>
  (
    await env.DB.prepare(
      "SELECT * FROM audit_log WHERE action = ?1 AND entity_ids = ?2 ORDER BY id",
    )
      .bind(action, JSON.stringify([id]))
      .all<Record<string, unknown>>()
  ).results;

const storedUser = (id: number) =>
  env.DB.prepare("SELECT * FROM users WHERE id = ?1").bind(id).first<Record<string, unknown>>();

describe("changing one's own password", () => {
  it("with the current password, the new one twice and a fresh code: every session ends, this one is replaced", async () => {
    const a = await account("clerk");
    const here = await signIn(a);
    const elsewhere = await signIn(a);
    const other = await signInFixture("editor");
    const before = await storedUser(a.id);

    const response = await changePassword(here, a);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ changed: true, other_sessions_revoked: 1 });

    // The token used for the change no longer works (a copy of it is worth nothing); the
    // new session's cookie, set by the answer, does.
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-ledger_session=[\w-]{43}; Path=\/; Secure; HttpOnly/);
    const renewed = { cookie: setCookie.split(";")[0] as string, csrf: "" };
    expect(renewed.cookie).not.toBe(here.cookie);
    expect((await me(here)).status).toBe(401);
    expect((await me(renewed)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await me(other)).status).toBe(200); // another user's session is untouched
    const hashes = await env.DB.prepare(
      "SELECT token_hash, revoked_at FROM sessions WHERE user_id = ?1",
    )
      .bind(a.id)
      .all<{ token_hash: string; revoked_at: string | null }>();
    const renewedHash = await sha256Hex(renewed.cookie.split("=")[1]!);
    expect(hashes.results.filter((s) => s.revoked_at === null)).toHaveLength(1);
    for (const s of hashes.results)
      expect(s.revoked_at === null).toBe(s.token_hash === renewedHash);

    const after = await storedUser(a.id);
    expect(after!.password_hash).not.toBe(before!.password_hash);
    expect(after!.password_salt).not.toBe(before!.password_salt);
    expect(after!.password_iterations).toBe(100_000);
    // The old password no longer signs in; the new one does.
    expect((await login(a, PASSWORD, "192.0.2.2")).status).toBe(401);
    expect((await login({ ...a, password: "a brand new passphrase" })).status).toBe(200);

    // One audit row, with no password, hash or salt in it.
    const rows = await auditRows("user.password_change", a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: a.id, entity: "users" });
    expect(JSON.parse(rows[0]!.after_json as string)).toEqual({
      must_change_password: false,
      other_sessions_revoked: true,
    });
    const text = JSON.stringify(rows);
    for (const secret of [
      PASSWORD,
      "a brand new passphrase",
      after!.password_hash,
      after!.password_salt,
      before!.password_hash,
    ]) {
      expect(text).not.toContain(secret as string);
    }
  });

  it("refuses each wrong request with a Chinese reason and changes nothing", async () => {
    const a = await account();
    const s = await signIn(a);
    // The code the sign-in just used (its step is stored), whatever the clock says now.
    const { totp_last_step: step } = (await storedUser(a.id)) as { totp_last_step: number };
    const used = await hotp(fromBase32(a.secret), step);
    const tries: [string, () => ReturnType<typeof changePassword>, number, string][] = [
      [
        "entries differ",
        () => changePassword(s, a, { new_password_repeat: "a brand new passphrasf" }),
        400,
        "两次输入的新密码不一致。",
      ],
      [
        "too short",
        () =>
          changePassword(s, a, { new_password: "eleven char", new_password_repeat: "eleven char" }),
        400,
        "新密码至少 12 位。",
      ],
      [
        "the email",
        () =>
          changePassword(s, a, {
            new_password: a.email.toUpperCase(),
            new_password_repeat: a.email.toUpperCase(),
          }),
        400,
        "新密码不能与登录邮箱相同。",
      ],
      [
        "the old one",
        () => changePassword(s, a, { new_password: PASSWORD, new_password_repeat: PASSWORD }),
        400,
        "新密码不能与当前密码相同。",
      ],
      [
        "wrong current password",
        () => changePassword(s, a, { current_password: "not my password" }),
        403,
        "当前密码或动态验证码不正确（每个验证码只能使用一次）。",
      ],
      [
        "wrong code",
        async () =>
          changePassword(s, a, {
            code: (await code(a.secret, 1)) === "123456" ? "654321" : "123456",
          }),
        403,
        "当前密码或动态验证码不正确（每个验证码只能使用一次）。",
      ],
      [
        "replayed code",
        () => changePassword(s, a, { code: used }),
        403,
        "当前密码或动态验证码不正确（每个验证码只能使用一次）。",
      ],
      [
        "no current password",
        () =>
          call("POST", "/api/admin/account/password", {
            as: s,
            json: {
              new_password: "a brand new passphrase",
              new_password_repeat: "a brand new passphrase",
            },
          }),
        400,
        "填写有误：current_password: 请输入当前密码",
      ],
    ];
    for (const [name, attempt, status, detail] of tries) {
      const before = await snapshot();
      const response = await attempt();
      expect(response.status, name).toBe(status);
      expect(response.headers.get("content-type"), name).toContain("application/problem+json");
      expect(response.body.detail_zh, name).toBe(detail);
      expect(await snapshot(), name).toBe(before);
    }
    // The session still works and the password is still the old one.
    expect((await me(s)).status).toBe(200);
    expect((await login(a)).status).toBe(200);
  });

  it("refuses without the anti-forgery token, from another site, or signed out", async () => {
    const a = await account();
    const s = await signIn(a);
    const before = await snapshot();
    const body = {
      current_password: a.password,
      new_password: "a brand new passphrase",
      new_password_repeat: "a brand new passphrase",
      code: await code(a.secret, 1),
    };
    const noToken = await call("POST", "/api/admin/account/password", {
      as: s,
      json: body,
      noCsrf: true,
    });
    const crossSite = await call("POST", "/api/admin/account/password", {
      as: s,
      json: body,
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    const anonymous = await call("POST", "/api/admin/account/password", { json: body });
    expect([noToken.status, crossSite.status, anonymous.status]).toEqual([403, 403, 401]);
    expect(await snapshot()).toBe(before);
  });

  it("counts wrong current passwords as failed sign-ins: 5 lock the account, sign-in too", async () => {
    const a = await account();
    const s = await signIn(a);
    const ip = { "CF-Connecting-IP": "198.51.100.77" };
    for (let i = 0; i < 5; i++) {
      const wrong = await changePassword(s, a, { current_password: `guess number ${i}` }, ip);
      expect(wrong.status).toBe(403);
    }
    const locked = await changePassword(s, a, {}, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("Retry-After")).toBe("900");
    expect(locked.body.detail_zh).toContain("失败次数过多");
    expect((await login(a, PASSWORD, "198.51.100.78")).status).toBe(429);
  });
});

describe("an administrator resets another user's password", () => {
  it("gives a one-time password shown once, ends all their sessions, and audits without it", async () => {
    const admin = await signInFixture("admin");
    const a = await account();
    const theirs = await signIn(a);
    const response = await call("POST", `/api/admin/users/${a.id}/password-reset`, { as: admin });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const oneTime = response.body.one_time_password as string;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(response.body).toMatchObject({ id: a.id, email: a.email, must_change_password: true });
    expect((await me(theirs)).status).toBe(401);
    expect((await storedUser(a.id))!.must_change_password).toBe(1);
    const rows = await auditRows("user.password_reset", a.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.after_json as string)).toEqual({
      must_change_password: true,
      sessions_revoked: true,
    });
    const everything = await snapshot();
    expect(everything).not.toContain(oneTime);
    // The old password is gone; the one-time one signs in.
    expect((await login(a, PASSWORD, "192.0.2.3")).status).toBe(401);
    expect((await login({ ...a, password: oneTime })).status).toBe(200);
  });

  it("lifts the account's lock-out: the user signs in with the new password at once", async () => {
    const admin = await signInFixture("admin");
    const a = await account();
    for (let i = 0; i < 5; i++) {
      expect((await login(a, `wrong guess ${i}`, "198.51.100.90")).status).toBe(401);
    }
    expect((await login(a, a.password, "198.51.100.91")).status).toBe(429);
    const reset = await call("POST", `/api/admin/users/${a.id}/password-reset`, { as: admin });
    expect(reset.status).toBe(200);
    const fresh = { ...a, password: reset.body.one_time_password as string };
    expect((await login(fresh, fresh.password, "198.51.100.92")).status).toBe(200);
    // Failures after the reset count again: the lock-out still works.
    for (let i = 0; i < 5; i++) {
      expect((await login(fresh, `another guess ${i}`, "198.51.100.93")).status).toBe(401);
    }
    expect((await login(fresh, fresh.password, "198.51.100.94")).status).toBe(429);
  });

  it("until the user changes it, only their session and the password change are open", async () => {
    const admin = await signInFixture("admin");
    const a = await account("editor");
    const reset = await call("POST", `/api/admin/users/${a.id}/password-reset`, { as: admin });
    const b: Account = { ...a, password: reset.body.one_time_password };
    const login1 = await login(b);
    expect(login1.body.user.must_change_password).toBe(1);
    const s = await signIn(b);

    expect((await me(s)).status).toBe(200);
    const release = {
      title: "月度进度表",
      period: "2027-03",
      scheduled_at: "2027-04-20T02:00:00Z",
    };
    const before = await snapshot();
    const refused = await call("POST", "/api/admin/releases", { as: s, json: release });
    expect(refused.status).toBe(403);
    expect(refused.body.detail_zh).toContain("请先修改密码");
    expect((await call("GET", "/api/admin/uploads/income/template.csv", { as: s })).status).toBe(
      403,
    );
    expect(await snapshot()).toBe(before);

    // The pages send the user to the account page, which itself opens.
    const page = (path: string) =>
      new Request(`${ORIGIN}${path}`, { headers: { Cookie: s.cookie } });
    expect(await adminIdentity(env.DB, env, page("/admin/releases"), ["editor"])).toEqual({
      redirect: "/admin/account",
    });
    const accountPage = await adminIdentity(
      env.DB,
      env,
      page("/admin/account"),
      ["admin", "editor", "clerk"],
      { passwordChange: true },
    );
    expect("identity" in accountPage).toBe(true);

    // Changing the password opens everything the role allows, in the session it renews.
    const changed = await changePassword(s, b, { new_password: "my own passphrase!" });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await storedUser(a.id))!.must_change_password).toBe(0);
    const cookie = (changed.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
    const renewed = { cookie, csrf: (await me({ cookie, csrf: "" })).body.csrf };
    expect((await call("POST", "/api/admin/releases", { as: renewed, json: release })).status).toBe(
      201,
    );
    const renewedPage = new Request(`${ORIGIN}/admin/releases`, { headers: { Cookie: cookie } });
    expect("identity" in (await adminIdentity(env.DB, env, renewedPage, ["editor"]))).toBe(true);
    // The session the one-time password opened is over.
    expect(
      await adminIdentity(env.DB, env, page("/admin/releases"), ["editor"]),
    ).not.toHaveProperty("identity");
    const rows = await auditRows("user.password_change", a.id);
    expect(JSON.parse(rows[0]!.before_json as string)).toEqual({ must_change_password: true });
    // The one-time password is spent.
    expect((await login(b, b.password, "192.0.2.4")).status).toBe(401);
  });

  it("is refused for oneself, an unknown or disabled user, and for editors and clerks", async () => {
    const admin = await signInFixture("admin");
    const adminId = (await me(admin)).body.user.id as number;
    const a = await account();
    await env.DB.prepare("UPDATE users SET disabled_at = '2026-02-01T00:00:00Z' WHERE id = ?1")
      .bind(a.id)
      .run();
    const b = await account();
    const editor = await signInFixture("editor");
    const clerk = await signInFixture("clerk");
    const before = await snapshot();
    for (const [path, status, detail] of [
      [
        `/api/admin/users/${adminId}/password-reset`,
        409,
        "不能重置自己的密码：请在“我的账号”页面修改。",
      ],
      [
        `/api/admin/users/${adminId}/totp-reset`,
        409,
        "不能重置自己的动态验证码：请另一位系统管理员操作。",
      ],
      ["/api/admin/users/999999/password-reset", 404, "没有这个用户。"],
      [`/api/admin/users/${a.id}/password-reset`, 409, "该账号已停用，无需重置。"],
    ] as const) {
      const response = await call("POST", path, { as: admin });
      expect(response.status, path).toBe(status);
      expect(response.body.detail_zh, path).toBe(detail);
    }
    for (const s of [editor, clerk]) {
      for (const path of [
        `/api/admin/users/${b.id}/password-reset`,
        `/api/admin/users/${b.id}/totp-reset`,
      ]) {
        const response = await call("POST", path, { as: s });
        expect(response.status).toBe(403);
        expect(response.body.detail_zh).toBe("您的角色无权进行此操作。");
      }
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("authenticator enrolment", () => {
  it("a new account comes with its secret, the otpauth URI and that URI's QR code, and must change its password", async () => {
    const admin = await signInFixture("admin");
    const response = await call("POST", "/api/admin/users", {
      as: admin,
      json: {
        email: "Newcomer@ledger.test",
        display_name: "新同事",
        role: "clerk",
        region_code: "450422104",
        password: "initial password 1",
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { totp_secret: secret, totp_uri: uri, totp_qr_svg: svg } = response.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(totpUri(secret, "newcomer@ledger.test"));
    expect(uri).toMatch(
      /^otpauth:\/\/totp\/%E6%9D%91%E5%8A%A1%E5%85%AC%E5%BC%80%E5%8F%B0%E8%B4%A6:/,
    );
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`<path d="${qrPath(uri).d}"`);
    const row = await env.DB.prepare(
      "SELECT id, must_change_password, totp_secret FROM users WHERE email = 'newcomer@ledger.test'",
    ).first<{ id: number; must_change_password: number; totp_secret: string }>();
    expect(row).toMatchObject({ must_change_password: 1, totp_secret: secret });
    const audit = await env.DB.prepare(
      "SELECT * FROM audit_log WHERE action = 'user.create' ORDER BY id DESC LIMIT 1",
    ).first<Record<string, string>>();
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain("initial password 1");
    const first = await login({
      id: row!.id,
      email: "newcomer@ledger.test",
      secret,
      password: "initial password 1",
    });
    expect(first.status).toBe(200);
    expect(first.body.user.must_change_password).toBe(1);
  });

  it("an administrator's authenticator reset: a new secret with its QR code, the old codes stop working", async () => {
    const admin = await signInFixture("admin");
    const a = await account("clerk");
    const theirs = await signIn(a);
    const response = await call("POST", `/api/admin/users/${a.id}/totp-reset`, { as: admin });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { totp_secret: secret, totp_uri: uri, totp_qr_svg: svg } = response.body;
    expect(secret).not.toBe(a.secret);
    expect(uri).toBe(totpUri(secret, a.email));
    expect(svg).toContain(`<path d="${qrPath(uri).d}"`);
    expect((await me(theirs)).status).toBe(401);
    const stored = await storedUser(a.id);
    expect(stored).toMatchObject({
      totp_secret: secret,
      totp_last_step: null,
      must_change_password: 0,
    });
    expect((await login(a, PASSWORD, "192.0.2.5")).status).toBe(401); // old authenticator
    expect((await login({ ...a, secret })).status).toBe(200);
    const rows = await auditRows("user.totp_reset", a.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});

describe("pruning old sign-in records (Cron Trigger)", () => {
  const HOUR = 3_600_000;

  it("deletes attempts older than a day and sessions past their absolute time-out, keeps the rest", async () => {
    // Now: the sessions the other tests opened are alive and must stay.
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    await env.DB.prepare("DELETE FROM login_attempts").run();
    await env.DB.prepare("DELETE FROM sessions WHERE token_hash LIKE 'prune-%'").run();
    const attempts: [string, string][] = [
      ["old-1", at(-LOGIN_ATTEMPTS_KEPT_MS - HOUR)],
      ["old-2", at(-30 * 24 * HOUR)],
      ["recent", at(-LOGIN_ATTEMPTS_KEPT_MS + HOUR)],
      ["in-window", at(-10 * 60_000)],
    ];
    await env.DB.batch(
      attempts.map(([key, t]) =>
        env.DB.prepare(
          "INSERT INTO login_attempts (key, attempted_at, succeeded) VALUES (?1, ?2, 0)",
        ).bind(`account:${key}`, t),
      ),
    );
    const user = (await env.DB.prepare("SELECT id FROM users LIMIT 1").first<{ id: number }>())!.id;
    const sessions: [string, string, string | null][] = [
      ["prune-expired", at(-HOUR), null],
      ["prune-expired-revoked", at(-2 * HOUR), at(-5 * HOUR)],
      ["prune-revoked-young", at(+6 * HOUR), at(-HOUR)],
      ["prune-live", at(+11 * HOUR), null],
    ];
    await env.DB.batch(
      sessions.map(([hash, expires, revoked]) =>
        env.DB.prepare(
          `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, revoked_at)
           VALUES (?1, ?2, ?3, ?3, ?4, ?5)`,
        ).bind(hash, user, at(-13 * HOUR), expires, revoked),
      ),
    );

    expect(await pruneSignInRecords(env.DB, now)).toEqual({ loginAttempts: 2, sessions: 2 });
    const keys = await env.DB.prepare("SELECT key FROM login_attempts ORDER BY key").all<{
      key: string;
    }>();
    expect(keys.results.map((r) => r.key)).toEqual(["account:in-window", "account:recent"]);
    const left = await env.DB.prepare(
      "SELECT token_hash FROM sessions WHERE token_hash LIKE 'prune-%' ORDER BY token_hash",
    ).all<{ token_hash: string }>();
    expect(left.results.map((r) => r.token_hash)).toEqual(["prune-live", "prune-revoked-young"]);
    // A second run finds nothing more.
    expect(await pruneSignInRecords(env.DB, now)).toEqual({ loginAttempts: 0, sessions: 0 });
  });

  it("does a bounded amount of work per run, oldest first", async () => {
    const now = new Date("2031-01-01T00:00:00.000Z");
    await env.DB.prepare("DELETE FROM login_attempts").run();
    await env.DB.batch(
      [5, 4, 3, 2, 1].map((days) =>
        env.DB.prepare(
          "INSERT INTO login_attempts (key, attempted_at, succeeded) VALUES (?1, ?2, 0)",
        ).bind(`ip:days-${days}`, new Date(now.getTime() - days * 24 * HOUR - HOUR).toISOString()),
      ),
    );
    expect((await pruneSignInRecords(env.DB, now, 2)).loginAttempts).toBe(2);
    const keys = await env.DB.prepare("SELECT key FROM login_attempts ORDER BY key").all<{
      key: string;
    }>();
    expect(keys.results.map((r) => r.key)).toEqual(["ip:days-1", "ip:days-2", "ip:days-3"]);
    expect((await pruneSignInRecords(env.DB, now, 2)).loginAttempts).toBe(2);
    expect((await pruneSignInRecords(env.DB, now, 2)).loginAttempts).toBe(1);
  });
});
