/**
 * Cloudflare Access in front of /admin: every request carries a JWT
 * (Cf-Access-Jwt-Assertion) signed RS256 by the team's key. We check the signature
 * against the team's JWKS, the audience (the Access application's AUD tag), the issuer
 * (https://<team>.cloudflareaccess.com) and the time window, then trust its email.
 */
import { fromBase64 } from "./bytes.ts";

export interface Jwk {
  kid?: string;
  kty: string;
  n?: string;
  e?: string;
  alg?: string;
}

export interface AccessCheck {
  keys: Jwk[];
  audience: string;
  issuer: string;
  nowSeconds: number;
}

export class AccessTokenError extends Error {}

function decodeJson(part: string): Record<string, unknown> {
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64(part)));
  } catch {
    throw new AccessTokenError("malformed token");
  }
}

/** The verified email of an Access JWT; throws AccessTokenError when any check fails. */
export async function verifyAccessJwt(token: string, check: AccessCheck): Promise<string> {
  const parts = token.split(".");
  if (parts.length !== 3) throw new AccessTokenError("malformed token");
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (header.alg !== "RS256") throw new AccessTokenError("unexpected algorithm");
  const jwk = check.keys.find((k) => k.kid === header.kid && k.kty === "RSA");
  if (!jwk) throw new AccessTokenError("unknown signing key");
  const key = await crypto.subtle.importKey(
    "jwk",
    { kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256", ext: true },
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["verify"],
  );
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64(signaturePart);
  } catch {
    throw new AccessTokenError("malformed token");
  }
  const valid = await crypto.subtle.verify(
    "RSASSA-PKCS1-v1_5",
    key,
    signature,
    new TextEncoder().encode(`${headerPart}.${payloadPart}`),
  );
  if (!valid) throw new AccessTokenError("bad signature");
  const claims = decodeJson(payloadPart);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(check.audience)) throw new AccessTokenError("wrong audience");
  if (claims.iss !== check.issuer) throw new AccessTokenError("wrong issuer");
  const skew = 60;
  if (typeof claims.exp !== "number" || claims.exp + skew < check.nowSeconds)
    throw new AccessTokenError("expired");
  if (typeof claims.nbf === "number" && claims.nbf - skew > check.nowSeconds)
    throw new AccessTokenError("not yet valid");
  if (typeof claims.email !== "string" || !claims.email) throw new AccessTokenError("no email");
  return claims.email;
}
