/** TOTP against RFC 6238's test vectors, PBKDF2 passwords, and Access JWT verification. */
import { describe, expect, it } from "vitest";
import { verifyAccessJwt } from "../../src/lib/access-jwt.ts";
import { fromBase32, toBase32, toBase64Url } from "../../src/lib/bytes.ts";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../src/lib/password.ts";
import { totp, verifyTotp } from "../../src/lib/totp.ts";

const ascii = (s: string) => new TextEncoder().encode(s);

describe("TOTP (RFC 6238, Appendix B)", () => {
  const seeds = {
    "SHA-1": ascii("12345678901234567890"),
    "SHA-256": ascii("12345678901234567890123456789012"),
    "SHA-512": ascii("1234567890123456789012345678901234567890123456789012345678901234"),
  } as const;
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  for (const [time, sha1, sha256, sha512] of vectors) {
    it(`T = ${time}`, async () => {
      expect(await totp(seeds["SHA-1"], time, 8, "SHA-1")).toBe(sha1);
      expect(await totp(seeds["SHA-256"], time, 8, "SHA-256")).toBe(sha256);
      expect(await totp(seeds["SHA-512"], time, 8, "SHA-512")).toBe(sha512);
    });
  }

  it("accepts the current step and its neighbours, refuses others and replays", async () => {
    const secret = toBase32(seeds["SHA-1"]);
    expect(fromBase32(secret)).toEqual(seeds["SHA-1"]);
    const now = 1_800_000_000;
    const code = await totp(seeds["SHA-1"], now);
    expect(code).toMatch(/^\d{6}$/);
    const step = await verifyTotp(secret, code, now);
    expect(step).toBe(Math.floor(now / 30));
    expect(await verifyTotp(secret, code, now + 30)).toBe(step); // drift of one step
    expect(await verifyTotp(secret, code, now + 90)).toBeNull();
    expect(await verifyTotp(secret, code, now, step)).toBeNull(); // already used
    expect(await verifyTotp(secret, "12345", now)).toBeNull();
  });
});

describe("passwords (PBKDF2-SHA256)", () => {
  it("verifies the right password only, with a per-user salt", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
  });
});

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
