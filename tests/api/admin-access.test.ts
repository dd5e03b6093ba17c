/**
 * Behind Cloudflare Access: the Access JWT of each request is verified (here against a
 * key pair made in the test, standing in for the team's published keys) and its email
 * mapped to a local user; without a valid token, or for an unknown or disabled user,
 * nobody is signed in, and password sign-in is closed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../functions/app.ts";
import { toBase64Url } from "../../src/lib/bytes.ts";
import { identify } from "../../src/services/admin-auth.ts";
import { ACCOUNTS, loadAdminFixture } from "./admin-support.ts";

const TEAM = "ledger.cloudflareaccess.com";
const AUD = "aud-0123456789";
const accessEnv = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
const ascii = (s: string) => new TextEncoder().encode(s);

let privateKey: CryptoKey;
let jwk: { kid: string; kty: string; n?: string; e?: string };

beforeAll(async () => {
  await loadAdminFixture();
  const pair = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  privateKey = pair.privateKey;
  const exported = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey;
  jwk = { kid: "team-key", kty: "RSA", n: exported.n, e: exported.e };
});

async function token(claims: Record<string, unknown>): Promise<string> {
  const enc = (o: unknown) => toBase64Url(ascii(JSON.stringify(o)));
  const head = `${enc({ alg: "RS256", kid: "team-key" })}.${enc(claims)}`;
  const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", privateKey, ascii(head));
  return `${head}.${toBase64Url(new Uint8Array(sig))}`;
}

const now = new Date();
const claims = (email: string) => ({
  aud: [AUD],
  iss: `https://${TEAM}`,
  email,
  exp: Math.floor(now.getTime() / 1000) + 600,
});

async function who(jwt: string | null, cookie?: string) {
  const headers = new Headers();
  if (jwt) headers.set("Cf-Access-Jwt-Assertion", jwt);
  if (cookie) headers.set("Cookie", cookie);
  const keys = async (issuer: string) => {
    expect(issuer).toBe(`https://${TEAM}`);
    return [jwk];
  };
  return identify(
    env.DB,
    accessEnv,
    new Request("https://ledger.test/admin", { headers }),
    now,
    keys,
  );
}

describe("Cloudflare Access", () => {
  it("maps a valid token's email to the local user, with a CSRF token tied to the token", async () => {
    const jwt = await token(claims(ACCOUNTS.editor.email.toUpperCase()));
    const identity = await who(jwt);
    expect(identity?.user).toMatchObject({ email: ACCOUNTS.editor.email, role: "editor" });
    expect(identity?.via).toBe("access");
    const other = await who(await token({ ...claims(ACCOUNTS.editor.email), iat: 1 }));
    expect(other?.csrf).not.toBe(identity?.csrf);
  });

  it("lets nobody in without a valid token, for another audience, or for an unknown or disabled user", async () => {
    expect(await who(null)).toBeNull();
    expect(
      await who(await token({ ...claims(ACCOUNTS.editor.email), aud: ["other-app"] })),
    ).toBeNull();
    expect(await who(await token(claims("stranger@example.org")))).toBeNull();
    await env.DB.prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00Z' WHERE email = ?1")
      .bind(ACCOUNTS.clerk.email)
      .run();
    expect(await who(await token(claims(ACCOUNTS.clerk.email)))).toBeNull();
  });

  it("ignores session cookies: Access is the only way in", async () => {
    expect(await who(null, "__Host-ledger_session=" + "a".repeat(43))).toBeNull();
  });

  it("closes password sign-in when Access is configured", async () => {
    const login = (bindings: object) =>
      createApi().request(
        "/api/admin/session/login",
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: "http://localhost" },
          body: JSON.stringify({ email: ACCOUNTS.admin.email, password: "whatever", code: "" }),
        },
        bindings,
      );
    const closed = await login({ ...env, ...accessEnv });
    expect(closed.status).toBe(404);
    expect(((await closed.json()) as { detail_zh: string }).detail_zh).toContain(
      "Cloudflare Access",
    );
    // Without Access settings, the same request reaches the password check.
    expect((await login(env)).status).toBe(401);
  });
});
