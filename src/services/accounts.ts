/**
 * Accounts beyond sign-in: a user changes their own password; an administrator sets a
 * one-time password or a new authenticator secret for another user; the Cron Trigger
 * prunes old sign-in attempts and dead sessions. Every write goes with its audit row in
 * one batch, and no password, hash or secret ever goes into an audit row.
 */
import { auditIfPasswordStatement, auditStatement } from "../db/audit.ts";
import {
  insertSessionIfPasswordStatement,
  pruneAuthRecords,
  recordAttemptStatement,
  revokeSessionsIfPasswordStatement,
  revokeUserSessionsStatement,
} from "../db/sessions.ts";
import {
  changePasswordStatement,
  findCredentialsById,
  findUserById,
  resetPasswordStatement,
  setTotpSecretStatement,
  type User,
} from "../db/users.ts";
import { constantTimeEqual, randomBytes, sha256Hex, toBase64Url } from "../lib/bytes.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../lib/password.ts";
import { qrSvg } from "../lib/qr.ts";
import { RefusedError } from "../lib/refused.ts";
import { newTotpSecret, totpUri, verifyTotp } from "../lib/totp.ts";
import {
  ABSOLUTE_TIMEOUT_MS,
  attemptKeys,
  isThrottled,
  THROTTLE_WINDOW_MS,
  type Identity,
} from "./admin-auth.ts";

export interface Actor {
  id: number;
  ip: string | null;
}

export interface PasswordChangeInput {
  current_password: string;
  new_password: string;
  new_password_repeat: string;
  code: string;
}

/**
 * What is wrong with a new password, in Chinese, or null: both entries must match, be at
 * least MIN_PASSWORD_LENGTH characters, and differ from the sign-in email and from the
 * current password. Only the user's own entries are compared, so this says nothing about
 * whether `current` is right.
 */
export function newPasswordProblem(
  input: Pick<PasswordChangeInput, "current_password" | "new_password" | "new_password_repeat">,
  email: string,
): string | null {
  const next = input.new_password;
  if (!constantTimeEqual(next, input.new_password_repeat)) return "两次输入的新密码不一致。";
  if ([...next].length < MIN_PASSWORD_LENGTH) return `新密码至少 ${MIN_PASSWORD_LENGTH} 位。`;
  if (next.trim().toLowerCase() === email.trim().toLowerCase()) return "新密码不能与登录邮箱相同。";
  if (constantTimeEqual(next, input.current_password)) return "新密码不能与当前密码相同。";
  return null;
}

export type PasswordChangeResult =
  | {
      ok: true;
      /** The user's other sessions that were ended. */
      revokedSessions: number;
      /** The new session's token (its cookie replaces the current one) and its expiry. */
      token: string;
      expiresAt: string;
    }
  | {
      ok: false;
      status: 400 | 403 | 409 | 429;
      detail: string;
      detailZh: string;
      retryAfterSeconds?: number;
    };

/**
 * The signed-in user replaces their password: the current password and a fresh TOTP code
 * prove it is them (wrong ones count as failed sign-ins, so a stolen session cannot be used
 * to guess the password), the new one must pass newPasswordProblem. On success every
 * session of the user is revoked, the one making the request included, and that one is
 * replaced by a new session whose token the caller sets as the cookie: a token copied
 * before the change (the reason to change a password) no longer works.
 */
export async function changePassword(
  db: D1Database,
  identity: Identity,
  input: PasswordChangeInput,
  ip: string,
  now: Date,
): Promise<PasswordChangeResult> {
  const user = identity.user;
  const wrong = newPasswordProblem(input, user.email);
  if (wrong)
    return {
      ok: false,
      status: 400,
      detail: "The new password is not acceptable.",
      detailZh: wrong,
    };
  const keys = attemptKeys(user.email, ip);
  if (await isThrottled(db, keys, now)) {
    return {
      ok: false,
      status: 429,
      detail: "Too many failed attempts; try again later.",
      detailZh: `失败次数过多，已暂停验证，请 ${THROTTLE_WINDOW_MS / 60_000} 分钟后再试。`,
      retryAfterSeconds: THROTTLE_WINDOW_MS / 1000,
    };
  }
  const at = now.toISOString();
  const stored = await findCredentialsById(db, user.id);
  if (!stored?.password_hash || !stored.password_salt) {
    return {
      ok: false,
      status: 409,
      detail: "This account has no password.",
      detailZh: "该账号没有本地密码，无法在此修改。",
    };
  }
  let ok = await verifyPassword(input.current_password, {
    hash: stored.password_hash,
    salt: stored.password_salt,
    iterations: stored.password_iterations ?? 100_000,
  });
  let step: number | null = null;
  if (ok && stored.totp_secret) {
    step = await verifyTotp(
      stored.totp_secret,
      input.code.trim(),
      now.getTime() / 1000,
      stored.totp_last_step,
    );
    ok = step !== null;
  }
  if (!ok) {
    await db.batch(keys.map((k) => recordAttemptStatement(db, k, at, false)));
    return {
      ok: false,
      status: 403,
      detail: "Wrong current password or code.",
      detailZh: "当前密码或动态验证码不正确（每个验证码只能使用一次）。",
    };
  }
  const password = await hashPassword(input.new_password);
  const token = toBase64Url(randomBytes(32));
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString();
  const results = await db.batch([
    changePasswordStatement(db, user.id, password, stored.password_hash, step),
    revokeSessionsIfPasswordStatement(db, user.id, at, password.hash),
    insertSessionIfPasswordStatement(
      db,
      {
        token_hash: await sha256Hex(token),
        user_id: user.id,
        created_at: at,
        last_seen_at: at,
        expires_at: expiresAt,
      },
      password.hash,
    ),
    auditIfPasswordStatement(
      db,
      {
        at,
        userId: user.id,
        action: "user.password_change",
        entity: "users",
        ids: [user.id],
        before: { must_change_password: stored.must_change_password === 1 },
        after: { must_change_password: false, other_sessions_revoked: true },
        ip,
      },
      user.id,
      password.hash,
    ),
  ]);
  // Another change, or a sign-in with the same code, got there first: nothing was written.
  if (results[0]?.meta.changes === 0) {
    return {
      ok: false,
      status: 409,
      detail: "The password or the code was used meanwhile; try again.",
      detailZh: "密码刚被修改或该验证码已被使用：请等下一个验证码后重试。",
    };
  }
  // The request's own session was revoked too; it is not one of the "other" sessions.
  const revoked = results[1]?.meta.changes ?? 0;
  const own = identity.tokenHash ? 1 : 0;
  return { ok: true, revokedSessions: Math.max(0, revoked - own), token, expiresAt };
}

/** Characters of one-time passwords: no 0/O/o or 1/l/I, so that they can be read out. */
const ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/**
 * A random one-time password: 16 characters of a 56-letter alphabet (about 93 bits), in
 * groups of four, e.g. `k7Qm-Xa3t-PZ9c-Hn4e`. Uniform: bytes that would bias it are drawn again.
 */
export function oneTimePassword(): string {
  const n = ONE_TIME_ALPHABET.length;
  const limit = 256 - (256 % n);
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const b of randomBytes(32)) {
      if (b < limit && chars.length < 16) chars.push(ONE_TIME_ALPHABET[b % n] as string);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** What an authenticator app needs, shown once: the secret, its URI and that URI's QR code. */
export function totpEnrolment(secret: string, email: string) {
  const uri = totpUri(secret, email);
  return {
    totp_secret: secret,
    totp_uri: uri,
    totp_qr_svg: qrSvg(uri, `动态验证码二维码（${email}）：用身份验证器应用扫描`),
  };
}

/** Another user of whom an administrator may reset a credential, or a refusal. */
async function resettable(db: D1Database, actor: Actor, id: number, what: string): Promise<User> {
  const user = await findUserById(db, id);
  if (!user) throw new RefusedError(404, "No such user.", "没有这个用户。");
  if (user.id === actor.id) {
    throw new RefusedError(
      409,
      `You cannot reset your own ${what}.`,
      what === "password"
        ? "不能重置自己的密码：请在“我的账号”页面修改。"
        : "不能重置自己的动态验证码：请另一位系统管理员操作。",
    );
  }
  if (user.disabled_at) {
    throw new RefusedError(409, "The account is disabled.", "该账号已停用，无需重置。");
  }
  return user;
}

/**
 * An administrator sets a one-time password for another user, who must replace it at the
 * next sign-in; all their sessions end. Returns the password (to be shown once).
 */
export async function resetPassword(
  db: D1Database,
  actor: Actor,
  id: number,
  now: Date,
): Promise<{ user: User; password: string }> {
  const user = await resettable(db, actor, id, "password");
  const password = oneTimePassword();
  const at = now.toISOString();
  await db.batch([
    resetPasswordStatement(db, id, await hashPassword(password), at),
    revokeUserSessionsStatement(db, id, at),
    auditStatement(db, {
      at,
      userId: actor.id,
      action: "user.password_reset",
      entity: "users",
      ids: [id],
      before: { must_change_password: user.must_change_password === 1 },
      after: { must_change_password: true, sessions_revoked: true },
      ip: actor.ip,
    }),
  ]);
  return { user, password };
}

/**
 * An administrator gives another user a new TOTP secret (a lost phone); the old one stops
 * working and all their sessions end. Returns the secret (to be shown once).
 */
export async function resetTotp(
  db: D1Database,
  actor: Actor,
  id: number,
  now: Date,
): Promise<{ user: User; secret: string }> {
  const user = await resettable(db, actor, id, "authenticator");
  const secret = newTotpSecret();
  const at = now.toISOString();
  await db.batch([
    setTotpSecretStatement(db, id, secret),
    revokeUserSessionsStatement(db, id, at),
    auditStatement(db, {
      at,
      userId: actor.id,
      action: "user.totp_reset",
      entity: "users",
      ids: [id],
      after: { totp: "new secret", sessions_revoked: true },
      ip: actor.ip,
    }),
  ]);
  return { user, secret };
}

/**
 * How long sign-in attempts are kept: the throttle needs only THROTTLE_WINDOW_MS
 * (15 minutes); a day more leaves time to look into an attack (which addresses, which
 * accounts) before the rows go.
 */
export const LOGIN_ATTEMPTS_KEPT_MS = Math.max(24 * 3_600_000, THROTTLE_WINDOW_MS);
/** At most this many rows of each table per Cron run (every 5 minutes). */
export const PRUNE_LIMIT = 1000;

/**
 * The Cron Trigger's housekeeping: sign-in attempts older than LOGIN_ATTEMPTS_KEPT_MS, and
 * sessions past their absolute time-out (revoked or not; none of them can be used again).
 * Not audited: these are records of sign-ins, not of the published data.
 */
export async function pruneSignInRecords(db: D1Database, now: Date, limit = PRUNE_LIMIT) {
  return pruneAuthRecords(
    db,
    new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_MS).toISOString(),
    now.toISOString(),
    limit,
  );
}
