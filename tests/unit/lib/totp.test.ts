/** TOTP (src/lib/totp.ts) against RFC 6238's test vectors, and the otpauth URI. */
import { describe, expect, it } from "vitest";
import { fromBase32, toBase32 } from "../../../src/lib/bytes.ts";
import { totp, totpUri, verifyTotp } from "../../../src/lib/totp.ts";
import { utf8 as ascii } from "../support/text.ts";

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

describe("the otpauth URI", () => {
  const secret = "JBSWY3DPEHPK3PXPADMINAAA";

  it("is exactly the key URI format with issuer 村务公开台账", () => {
    expect(totpUri(secret, "clerk@ledger.test")).toBe(
      "otpauth://totp/%E6%9D%91%E5%8A%A1%E5%85%AC%E5%BC%80%E5%8F%B0%E8%B4%A6:clerk%40ledger.test" +
        "?secret=JBSWY3DPEHPK3PXPADMINAAA&issuer=%E6%9D%91%E5%8A%A1%E5%85%AC%E5%BC%80%E5%8F%B0%E8%B4%A6" +
        "&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("decodes to 村务公开台账:{email} with the secret and the standard parameters", () => {
    const uri = new URL(totpUri(secret, "张三+dev@ledger.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname.slice(1))).toBe("村务公开台账:张三+dev@ledger.test");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret,
      issuer: "村务公开台账",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("keeps an odd address from breaking out of the label", () => {
    const uri = new URL(totpUri(secret, "a&secret=AAAA?#x@ledger.test"));
    expect(uri.searchParams.getAll("secret")).toEqual([secret]);
    expect(decodeURIComponent(uri.pathname.slice(1))).toBe(
      "村务公开台账:a&secret=AAAA?#x@ledger.test",
    );
  });
});
