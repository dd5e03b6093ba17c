/**
 * Back-office test helpers: the hand-checkable fixture plus one account per role (and a
 * clerk of another township), signing in through the real endpoint with real TOTP codes,
 * and requests made as a browser on the site would make them.
 */
import { env, exports } from "cloudflare:workers";
import { insertUserStatement, type Role } from "../../src/db/users.ts";
import { fromBase32, toBase32 } from "../../src/lib/bytes.ts";
import { hashPassword } from "../../src/lib/password.ts";
import { totp } from "../../src/lib/totp.ts";
import { loadActivityFixture } from "./activity-fixture.ts";
import { loadFixture } from "./fixture.ts";

export const ORIGIN = "https://ledger.test";

export type Who = "admin" | "editor" | "clerk" | "foreignClerk";

export const ACCOUNTS: Record<
  Who,
  { email: string; role: Role; region: string | null; secret: string }
> = {
  admin: {
    email: "admin@ledger.test",
    role: "admin",
    region: null,
    secret: toBase32(new TextEncoder().encode("admin-secret-0000001")),
  },
  editor: {
    email: "editor@ledger.test",
    role: "editor",
    region: null,
    secret: toBase32(new TextEncoder().encode("editor-secret-000001")),
  },
  // A clerk of 埌南镇 (villages A, B, C), and one of 乙镇 (villages D, E).
  clerk: {
    email: "clerk@ledger.test",
    role: "clerk",
    region: "450422104",
    secret: toBase32(new TextEncoder().encode("clerk-secret-0000001")),
  },
  foreignClerk: {
    email: "clerk2@ledger.test",
    role: "clerk",
    region: "450422105",
    secret: toBase32(new TextEncoder().encode("clerk2-secret-000001")),
  },
};
export const PASSWORD = "a long local test password";

/** The fixture and the four accounts, through the real migrations. */
export async function loadAdminFixture(): Promise<void> {
  await loadFixture(env.DB);
  await insertAccounts();
}

/** The same, with the fixture's projects, problems, work teams and targets (activity-fixture.ts). */
export async function loadAdminActivityFixture(): Promise<void> {
  await loadActivityFixture(env.DB);
  await insertAccounts();
}

async function insertAccounts(): Promise<void> {
  const password = await hashPassword(PASSWORD);
  await env.DB.batch(
    Object.values(ACCOUNTS).map((a) =>
      insertUserStatement(env.DB, {
        email: a.email,
        display_name: a.email,
        role: a.role,
        region_code: a.region,
        password,
        totp_secret: a.secret,
        created_at: "2026-01-01T00:00:00Z",
      }),
    ),
  );
}

export async function currentCode(who: Who, at = Date.now() / 1000): Promise<string> {
  return totp(fromBase32(ACCOUNTS[who].secret), at);
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Call {
  as?: Session | null;
  json?: unknown;
  form?: FormData;
  /** A raw body (set its Content-Type in headers). */
  body?: string;
  headers?: Record<string, string>;
  /** Leave out the anti-forgery token (a forged request). */
  noCsrf?: boolean;
}

export async function call(method: string, path: string, opts: Call = {}) {
  const headers = new Headers({ Origin: ORIGIN, "Sec-Fetch-Site": "same-origin", ...opts.headers });
  if (opts.as) {
    headers.set("Cookie", opts.as.cookie);
    if (!opts.noCsrf) headers.set("X-CSRF-Token", opts.as.csrf);
  }
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  else if (opts.body !== undefined) body = opts.body;
  const response = await exports.default.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, body, redirect: "manual" }),
  );
  const type = response.headers.get("content-type") ?? "";
  const data = type.includes("json") ? await response.json() : await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: data as any };
}

/** Signs in through POST /api/admin/session/login with a fresh TOTP code. */
export async function signIn(who: Who): Promise<Session> {
  // Each code works once: forget the last step used, as if 30 seconds had passed.
  await env.DB.prepare("UPDATE users SET totp_last_step = NULL WHERE email = ?1")
    .bind(ACCOUNTS[who].email)
    .run();
  const login = await call("POST", "/api/admin/session/login", {
    json: { email: ACCOUNTS[who].email, password: PASSWORD, code: await currentCode(who) },
  });
  if (login.status !== 200)
    throw new Error(`sign-in as ${who} failed: ${JSON.stringify(login.body)}`);
  const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
  const me = await call("GET", "/api/admin/session/me", { as: { cookie, csrf: "" } });
  return { cookie, csrf: me.body.csrf };
}

export async function signInAll(): Promise<Record<Who, Session>> {
  return {
    admin: await signIn("admin"),
    editor: await signIn("editor"),
    clerk: await signIn("clerk"),
    foreignClerk: await signIn("foreignClerk"),
  };
}

/** Everything a write could touch, as text: equal snapshots mean nothing was written. */
export async function snapshot(): Promise<string> {
  const tables = [
    "users",
    "releases",
    "release_date_changes",
    "bulletins",
    "notices",
    "income_returns",
    "region_period_stats",
    "uploads",
    "audit_log",
    "dataset_meta",
    "projects",
    "project_updates",
    "problems",
    "problem_events",
    "work_teams",
    "work_team_changes",
    "targets",
    "target_updates",
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const order: Record<string, string> = {
      region_period_stats: "region_code, period, valid_from",
      income_returns: "village_code, period, recorded_at",
      dataset_meta: "key",
    };
    const { results } = await env.DB.prepare(
      `SELECT * FROM ${table} ORDER BY ${order[table] ?? "rowid"}`,
    ).all();
    parts.push(`${table}:${JSON.stringify(results)}`);
  }
  // Sessions (WITHOUT ROWID) by key; last_seen_at moves on any signed-in request, refused or not.
  const { results: sessions } = await env.DB.prepare(
    "SELECT token_hash, user_id, created_at, expires_at, revoked_at FROM sessions ORDER BY token_hash",
  ).all();
  parts.push(`sessions:${JSON.stringify(sessions)}`);
  return parts.join("\n");
}

export function csvFile(text: string, name = "returns.csv"): FormData {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  return form;
}

export function bytesFile(bytes: Uint8Array<ArrayBuffer>, name: string): FormData {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  return form;
}

export const INCOME_HEADER =
  "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明";

/** POSTs a CSV text as an upload of `kind` (a dry run unless `commit`). */
export function uploadCsv(as: Session, kind: string, text: string, commit = false) {
  return call("POST", `/api/admin/uploads/${kind}${commit ? "?commit=1" : ""}`, {
    as,
    form: csvFile(text, `${kind}.csv`),
  });
}
