/**
 * Back-office accounts from the command line.
 *
 *   npm run admin:create -- --email a@b.cn --name 张三 [--role admin|editor|clerk]
 *                           [--region 450422] [--remote | --persist-to DIR]
 *       creates an account in the local D1 (or with --remote, the deployed one) with a
 *       random password (to be changed at the first sign-in) and a TOTP secret, both
 *       printed once, the secret also as a QR code for an authenticator app;
 *   npm run admin:code -- <base32 secret>
 *       prints the current 6-digit code for a secret (for the local sample accounts).
 */
import { spawnSync } from "node:child_process";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { fromBase32, toBase32 } from "../src/lib/bytes.ts";
import { PBKDF2_ITERATIONS } from "../src/lib/password.ts";
import { qrTerminal } from "../src/lib/qr.ts";
import { totp, totpUri } from "../src/lib/totp.ts";
import { SAMPLE_ACCOUNTS, SAMPLE_PASSWORD } from "./sample-data/releases.ts";
import { lit } from "./sample-data/sql.ts";

function option(args: string[], name: string): string | null {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? null) : null;
}

function create(args: string[]): void {
  const email = option(args, "email")?.toLowerCase();
  const name = option(args, "name") ?? email;
  const role = option(args, "role") ?? "admin";
  const region = option(args, "region");
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error("--email is required");
  if (!["admin", "editor", "clerk"].includes(role))
    throw new Error("--role must be admin, editor or clerk");
  if (role === "clerk" && !region) throw new Error("a clerk needs --region");
  const password = randomBytes(12).toString("base64url");
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, PBKDF2_ITERATIONS, 32, "sha256").toString("base64");
  const secret = toBase32(new Uint8Array(randomBytes(20)));
  const sql = `INSERT INTO users (email, display_name, role, region_code, password_hash, password_salt,
    password_iterations, totp_secret, created_at, must_change_password) VALUES (${[email, name, role, region, hash, salt.toString("base64"), PBKDF2_ITERATIONS, secret, new Date().toISOString(), 1].map((v) => lit(v ?? null)).join(", ")});
    INSERT INTO audit_log (at, user_id, action, entity, entity_ids, after_json, ip) VALUES (${[new Date().toISOString(), null, "user.create", "users", JSON.stringify([email]), JSON.stringify({ email, role, region_code: region, must_change_password: true }), "command line"].map((v) => lit(v)).join(", ")});`;
  const persistTo = option(args, "persist-to") ?? ".wrangler/state";
  const target = args.includes("--remote") ? ["--remote"] : ["--local", "--persist-to", persistTo];
  const result = spawnSync(
    "npx",
    ["wrangler", "d1", "execute", "DB", ...target, "--command", sql],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Account created: ${email} (${role}${region ? `, ${region}` : ""})`);
  console.log(`  password:    ${password}   (shown once; to be changed at the first sign-in)`);
  console.log(`  TOTP secret: ${secret}`);
  const uri = totpUri(secret, email);
  console.log(`  add to an authenticator app: ${uri}`);
  console.log("  or scan this QR code with it:\n");
  console.log(qrTerminal(uri, process.stdout.isTTY === true));
}

async function code(args: string[]): Promise<void> {
  const secret = args[0];
  if (!secret) throw new Error("usage: npm run admin:code -- <base32 secret>");
  console.log(await totp(fromBase32(secret), Date.now() / 1000));
}

/** What `npm start` prints about the sample back office (local sample data only). */
export function sampleSignInHelp(baseUrl: string): string {
  return [
    `Back office (sample data, local only): ${baseUrl}/admin/login`,
    `  password for all three: ${SAMPLE_PASSWORD}`,
    ...SAMPLE_ACCOUNTS.map(
      (a) => `  ${a.role.padEnd(6)} ${a.email.padEnd(22)} code: npm run admin:code -- ${a.totp}`,
    ),
  ].join("\n");
}

if (import.meta.main) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "create") create(rest);
  else if (command === "code") await code(rest);
  else {
    console.error("usage: node scripts/admin.ts create|code …");
    process.exit(2);
  }
}
