/**
 * Who is asking: the one place that turns a request into a back-office user, for the
 * admin API and the admin pages alike. Behind Cloudflare Access, the Access JWT is
 * verified on every request and its email mapped to a local user; otherwise a session
 * cookie from the built-in sign-in (password + TOTP). Also sign-in with throttling.
 */
import { auditStatement } from "../db/audit.ts";
import {
  countFailures,
  findSession,
  insertSessionStatement,
  recordAttemptStatement,
  revokeSessionStatement,
  touchSessionStatement,
} from "../db/sessions.ts";
import { findCredentials, findUserByEmail, useTotpStepStatement, type User } from "../db/users.ts";
import { verifyAccessJwt, type Jwk } from "../lib/access-jwt.ts";
import { randomBytes, sha256Hex, toBase64Url } from "../lib/bytes.ts";
import { verifyPassword } from "../lib/password.ts";
import { verifyTotp } from "../lib/totp.ts";

export const SESSION_COOKIE = "__Host-ledger_session";
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
/** Failed sign-ins allowed per account and per address in the window, then refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** Optional settings of a deployment behind Cloudflare Access. */
export interface AccessEnv {
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
}

export interface Identity {
  user: User;
  /** The anti-forgery token the pages embed and every write must send back. */
  csrf: string;
  via: "session" | "access";
  tokenHash: string | null;
}

/**
 * The user signed in with a password someone else chose (an administrator, at creation or
 * by a reset) and has not replaced it yet: until then only the password change is open.
 * Behind Cloudflare Access there is no local password, so nothing to change.
 */
export function mustChangePassword(identity: Identity): boolean {
  return identity.via === "session" && identity.user.must_change_password === 1;
}

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

/** The CSRF token is derived from the secret credential, so an attacker cannot know it. */
async function csrfFor(credential: string): Promise<string> {
  return (await sha256Hex(`csrf:${credential}`)).slice(0, 43);
}

let jwksCache: { url: string; keys: Jwk[]; until: number } | null = null;

async function accessKeys(issuer: string, nowMs: number): Promise<Jwk[]> {
  const url = `${issuer}/cdn-cgi/access/certs`;
  if (jwksCache && jwksCache.url === url && jwksCache.until > nowMs) return jwksCache.keys;
  const response = await fetch(url);
  const { keys } = (await response.json()) as { keys: Jwk[] };
  jwksCache = { url, keys, until: nowMs + 3_600_000 };
  return keys;
}

export function accessEnabled(env: AccessEnv): boolean {
  return Boolean(env.ACCESS_TEAM_DOMAIN && env.ACCESS_AUD);
}

/** The signed-in user of a request, or null. */
export async function identify(
  db: D1Database,
  env: AccessEnv,
  request: Request,
  now: Date,
  keysFor: (issuer: string, nowMs: number) => Promise<Jwk[]> = accessKeys,
): Promise<Identity | null> {
  if (accessEnabled(env)) {
    const token = request.headers.get("Cf-Access-Jwt-Assertion");
    if (!token) return null;
    const issuer = `https://${env.ACCESS_TEAM_DOMAIN}`;
    try {
      const email = await verifyAccessJwt(token, {
        keys: await keysFor(issuer, now.getTime()),
        audience: env.ACCESS_AUD as string,
        issuer,
        nowSeconds: now.getTime() / 1000,
      });
      const user = await findUserByEmail(db, email);
      if (!user || user.disabled_at) return null;
      return { user, csrf: await csrfFor(token), via: "access", tokenHash: null };
    } catch {
      return null;
    }
  }
  const token = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = await sha256Hex(token);
  const session = await findSession(db, tokenHash);
  if (!session || session.revoked_at || session.user.disabled_at) return null;
  const nowMs = now.getTime();
  if (Date.parse(session.expires_at) <= nowMs) return null;
  if (Date.parse(session.last_seen_at) + IDLE_TIMEOUT_MS <= nowMs) return null;
  // Sliding idle time-out, written at most once a minute.
  if (nowMs - Date.parse(session.last_seen_at) > 60_000) {
    await touchSessionStatement(db, tokenHash, now.toISOString()).run();
  }
  return { user: session.user, csrf: await csrfFor(token), via: "session", tokenHash };
}

/** The keys attempts are counted under: the account and the address. */
export function attemptKeys(email: string, ip: string): [account: string, address: string] {
  return [`account:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** Whether the account or the address has had too many failures in the window. */
export async function isThrottled(
  db: D1Database,
  [account, address]: [string, string],
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const failures = await countFailures(db, [account, address], since);
  return (
    (failures.get(account) ?? 0) >= MAX_FAILURES_PER_ACCOUNT ||
    (failures.get(address) ?? 0) >= MAX_FAILURES_PER_ADDRESS
  );
}

export type LoginResult =
  | { ok: true; token: string; user: User; expiresAt: string }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "invalid" };

/**
 * Checks email, password and TOTP code. Every attempt is recorded under the account and
 * the address; too many failures in the window refuse further tries (even right ones).
 */
export async function signIn(
  db: D1Database,
  input: { email: string; password: string; code: string },
  ip: string,
  now: Date,
): Promise<LoginResult> {
  const at = now.toISOString();
  const email = input.email.trim().toLowerCase();
  const keys = attemptKeys(email, ip);
  if (await isThrottled(db, keys, now)) {
    await recordAttemptStatement(db, keys[0], at, false).run();
    return { ok: false, reason: "throttled", retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 };
  }
  const user = await findCredentials(db, email);
  let step: number | null = null;
  let ok = false;
  if (user && !user.disabled_at && user.password_hash && user.password_salt) {
    ok = await verifyPassword(input.password, {
      hash: user.password_hash,
      salt: user.password_salt,
      iterations: user.password_iterations ?? 100_000,
    });
    if (ok && user.totp_secret) {
      step = await verifyTotp(
        user.totp_secret,
        input.code.trim(),
        now.getTime() / 1000,
        user.totp_last_step,
      );
      ok = step !== null;
    }
  }
  if (!ok || !user) {
    await db.batch(keys.map((k) => recordAttemptStatement(db, k, at, false)));
    return { ok: false, reason: "invalid" };
  }
  const token = toBase64Url(randomBytes(32));
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString();
  const results = await db.batch([
    ...(step !== null ? [useTotpStepStatement(db, user.id, step)] : []),
    insertSessionStatement(db, {
      token_hash: await sha256Hex(token),
      user_id: user.id,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
    }),
    ...keys.map((k) => recordAttemptStatement(db, k, at, true)),
    auditStatement(db, {
      at,
      userId: user.id,
      action: "session.create",
      entity: "sessions",
      ids: [],
      ip,
    }),
  ]);
  // Two sign-ins racing with one code: the loser's step update changed nothing.
  if (step !== null && results[0]?.meta.changes === 0) {
    await revokeSessionStatement(db, await sha256Hex(token), at).run();
    return { ok: false, reason: "invalid" };
  }
  const { id, display_name, role, region_code, disabled_at, must_change_password } = user;
  return {
    ok: true,
    token,
    expiresAt,
    user: {
      id,
      email: user.email,
      display_name,
      role,
      region_code,
      disabled_at,
      must_change_password,
    },
  };
}

export async function signOut(db: D1Database, identity: Identity, now: Date, ip: string | null) {
  if (!identity.tokenHash) return;
  const at = now.toISOString();
  await db.batch([
    revokeSessionStatement(db, identity.tokenHash, at),
    auditStatement(db, {
      at,
      userId: identity.user.id,
      action: "session.revoke",
      entity: "sessions",
      ids: [],
      ip,
    }),
  ]);
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;
}
