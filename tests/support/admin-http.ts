/**
 * The back office over real HTTP, as the upload page's script uses it: sign in as one of
 * the sample accounts (password + TOTP), then post files to the upload endpoint with the
 * session cookie, the anti-forgery token and a same-site Origin. For site tests and the
 * upload benchmark.
 */
import { SAMPLE_ACCOUNTS, SAMPLE_PASSWORD } from "../../scripts/sample-data/releases.ts";
import { fromBase32 } from "../../src/lib/bytes.ts";
import { totp } from "../../src/lib/totp.ts";

export interface AdminSession {
  base: string;
  cookie: string;
  csrf: string;
}

/** Waits for the next 30-second authenticator step (a code works once in its step). */
export function untilNextTotpStep(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 250));
}

/** Signs in as the sample account with this role (the clerk is the clerk of 藤县 450422). */
export async function signInSample(
  base: string,
  role: "admin" | "editor" | "clerk",
): Promise<AdminSession> {
  const account = SAMPLE_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no sample ${role}`);
  const attempt = async () =>
    fetch(`${base}/api/admin/session/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({
        email: account.email,
        password: SAMPLE_PASSWORD,
        code: await totp(fromBase32(account.totp), Date.now() / 1000),
      }),
    });
  let login = await attempt();
  if (login.status === 401) {
    // Another test used this half-minute's code (each works once): the next one.
    await untilNextTotpStep();
    login = await attempt();
  }
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  const me = await fetch(`${base}/api/admin/session/me`, { headers: { Cookie: cookie } });
  const { csrf } = (await me.json()) as { csrf: string };
  return { base, cookie, csrf };
}

export interface UploadAnswer {
  status: number;
  // The report's shape depends on the kind; tests read what they check.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Posts a file to /api/admin/uploads/{kind} (a dry run unless `commit`). */
export async function uploadFile(
  session: AdminSession,
  kind: string,
  bytes: Uint8Array,
  fileName: string,
  options: { commit?: boolean; sheet?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  if (options.sheet) form.append("sheet", options.sheet);
  const response = await fetch(
    `${session.base}/api/admin/uploads/${kind}${options.commit ? "?commit=1" : ""}`,
    {
      method: "POST",
      headers: { Cookie: session.cookie, "X-CSRF-Token": session.csrf, Origin: session.base },
      body: form,
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}
