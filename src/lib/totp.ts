/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second
 * steps, 6 digits, as authenticator apps use. A code is accepted in the current step and
 * one step either side (clock drift), and never twice (the caller stores the last step).
 */
import { fromBase32, randomBytes, toBase32 } from "./bytes.ts";

export const TOTP_STEP_SECONDS = 30;
export type TotpHash = "SHA-1" | "SHA-256" | "SHA-512";

export async function hotp(
  secret: Uint8Array<ArrayBuffer>,
  counter: number,
  digits = 6,
  hash: TotpHash = "SHA-1",
): Promise<string> {
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash }, false, ["sign"]);
  const message = new Uint8Array(8);
  // The counter as a big-endian 64-bit integer (JS numbers hold it exactly up to 2^53).
  let c = counter;
  for (let i = 7; i >= 0; i--) {
    message[i] = c % 256;
    c = Math.floor(c / 256);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary =
    (((mac[offset] as number) & 0x7f) << 24) |
    ((mac[offset + 1] as number) << 16) |
    ((mac[offset + 2] as number) << 8) |
    (mac[offset + 3] as number);
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export function totpStep(unixSeconds: number): number {
  return Math.floor(unixSeconds / TOTP_STEP_SECONDS);
}

export async function totp(
  secret: Uint8Array<ArrayBuffer>,
  unixSeconds: number,
  digits = 6,
  hash: TotpHash = "SHA-1",
): Promise<string> {
  return hotp(secret, totpStep(unixSeconds), digits, hash);
}

/**
 * The step a 6-digit code matches (current ±1), or null. Steps at or before `lastStep`
 * are refused, so a code seen once cannot be replayed.
 */
export async function verifyTotp(
  secretBase32: string,
  code: string,
  unixSeconds: number,
  lastStep: number | null = null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const secret = fromBase32(secretBase32);
  const now = totpStep(unixSeconds);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if ((await hotp(secret, step)) === code) return step;
  }
  return null;
}

/** A new 160-bit secret in base32, for an authenticator app. */
export function newTotpSecret(): string {
  return toBase32(randomBytes(20));
}

export const TOTP_ISSUER = "村务公开台账";

/**
 * The otpauth:// URI authenticator apps read from a QR code (Google's key URI format):
 * `otpauth://totp/{issuer}:{account}?secret=…&issuer={issuer}&algorithm=SHA1&digits=6&period=30`,
 * issuer and account percent-encoded each, the colon between them literal.
 */
export function totpUri(secretBase32: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${6}&period=${TOTP_STEP_SECONDS}`;
}
