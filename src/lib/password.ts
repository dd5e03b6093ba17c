/**
 * Passwords: PBKDF2-SHA256 with a per-user random salt, at 100,000 iterations, the most
 * the Workers runtime accepts (it refuses more). The count is stored per user so that it
 * can be raised later without locking anyone out.
 */
import { constantTimeEqual, fromBase64, randomBytes, toBase64 } from "./bytes.ts";

export const PBKDF2_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return toBase64(new Uint8Array(bits));
}

export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { hash: await derive(password, salt, iterations), salt: toBase64(salt), iterations };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, fromBase64(stored.salt), stored.iterations);
  return constantTimeEqual(candidate, stored.hash);
}
