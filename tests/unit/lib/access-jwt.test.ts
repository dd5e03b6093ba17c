/** Cloudflare Access JWT verification (src/lib/access-jwt.ts). */
import { describe, expect, it } from "vitest";
import { verifyAccessJwt } from "../../../src/lib/access-jwt.ts";
import { toBase64Url } from "../../../src/lib/bytes.ts";
import { utf8 as ascii } from "../support/text.ts";

describe("Cloudflare Access JWT", () => {
  const issuer = "https://team.cloudflareaccess.com";
  const audience = "aud-tag-123";
  const now = 1_800_000_000;

  async function keyPair() {
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
    const jwk = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey;
    return { pair, jwk: { kid: "k1", kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256" } };
  }

  async function sign(key: CryptoKey, claims: Record<string, unknown>, kid = "k1") {
    const enc = (o: unknown) => toBase64Url(ascii(JSON.stringify(o)));
    const head = `${enc({ alg: "RS256", kid, typ: "JWT" })}.${enc(claims)}`;
    const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, ascii(head));
    return `${head}.${toBase64Url(new Uint8Array(sig))}`;
  }

  const good = {
    aud: [audience],
    iss: issuer,
    email: "editor@example.org",
    exp: now + 600,
    iat: now,
  };

  it("accepts a token signed by the team key and gives its email", async () => {
    const { pair, jwk } = await keyPair();
    const token = await sign(pair.privateKey, good);
    await expect(
      verifyAccessJwt(token, { keys: [jwk], audience, issuer, nowSeconds: now }),
    ).resolves.toBe("editor@example.org");
  });

  it("refuses a wrong signature, audience, issuer, an expired token and an unknown key", async () => {
    const { pair, jwk } = await keyPair();
    const other = await keyPair();
    const check = { keys: [jwk], audience, issuer, nowSeconds: now };
    const cases: [string, string][] = [
      [await sign(other.pair.privateKey, good), "bad signature"],
      [await sign(pair.privateKey, { ...good, aud: ["other"] }), "wrong audience"],
      [await sign(pair.privateKey, { ...good, iss: "https://evil.example" }), "wrong issuer"],
      [await sign(pair.privateKey, { ...good, exp: now - 3600 }), "expired"],
      [await sign(pair.privateKey, good, "k2"), "unknown signing key"],
      ["not.a.token", "malformed token"],
    ];
    for (const [token, message] of cases) {
      await expect(verifyAccessJwt(token, check)).rejects.toThrow(message);
    }
    // A token whose payload was changed after signing.
    const token = await sign(pair.privateKey, good);
    const [h, , s] = token.split(".");
    const forged = `${h}.${toBase64Url(ascii(JSON.stringify({ ...good, email: "admin@example.org" })))}.${s}`;
    await expect(verifyAccessJwt(forged, check)).rejects.toThrow("bad signature");
  });
});
