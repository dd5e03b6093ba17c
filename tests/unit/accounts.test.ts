/**
 * Account helpers that need no database: the otpauth URI an authenticator reads, the QR
 * code drawn for it (as SVG and as terminal text), the new-password rules and one-time
 * passwords.
 */
import qrcode from "qrcode-generator";
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, qrPath, qrSvg, qrTerminal } from "../../src/lib/qr.ts";
import { newTotpSecret, totpUri } from "../../src/lib/totp.ts";
import { newPasswordProblem, oneTimePassword, totpEnrolment } from "../../src/services/accounts.ts";

/** The library's own matrix of a text (UTF-8 bytes, level M), as the reference. */
function reference(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => qr.isDark(y, x)));
}

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

describe("the enrolment QR code", () => {
  it("is an SVG image of exactly the URI's QR code, quiet zone included", () => {
    const secret = newTotpSecret();
    const enrolment = totpEnrolment(secret, "editor@ledger.test");
    expect(enrolment.totp_uri).toBe(totpUri(secret, "editor@ledger.test"));
    const svg = enrolment.totp_qr_svg;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    const { size, d } = qrPath(enrolment.totp_uri);
    expect(svg).toContain(`viewBox="0 0 ${size + 2 * QR_QUIET_ZONE} ${size + 2 * QR_QUIET_ZONE}"`);
    expect(svg).toContain(`<path d="${d}" transform="translate(4 4)"`);
    expect(size).toBe(reference(enrolment.totp_uri).length);
    expect(svg).toContain('role="img" aria-label="动态验证码二维码（editor@ledger.test）');
  });

  it("escapes the label", () => {
    expect(qrSvg("x", '"><script>')).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
    expect(qrSvg("x", '"><script>')).not.toContain("<script>");
  });

  it("prints in a terminal as the same modules, light ones as blocks", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXPADMINAAA", "admin@ledger.test");
    const matrix = reference(uri);
    const side = matrix.length + 2 * QR_QUIET_ZONE;
    const lines = qrTerminal(uri, false).split("\n");
    expect(lines).toHaveLength(Math.ceil(side / 2));
    const dark = (y: number, x: number) => matrix[y - QR_QUIET_ZONE]?.[x - QR_QUIET_ZONE] ?? false;
    lines.forEach((line, row) => {
      const cells = [...line];
      expect(cells).toHaveLength(side);
      cells.forEach((cell, x) => {
        const top = !dark(2 * row, x);
        const bottom = !dark(2 * row + 1, x);
        expect(cell, `${x},${row}`).toBe(top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ");
      });
    });
    // For a terminal: white on black whatever its theme, reset at each line's end.
    const ansi = qrTerminal(uri, true).split("\n");
    expect(ansi[0]).toBe(`\x1b[97;40m${lines[0]}\x1b[0m`);
  });
});

describe("new passwords", () => {
  const ok = {
    current_password: "the old password 1",
    new_password: "a new long password",
    new_password_repeat: "a new long password",
  };

  it("accepts a long enough new password that differs from the email and the old one", () => {
    expect(newPasswordProblem(ok, "clerk@ledger.test")).toBeNull();
  });

  it("refuses each broken rule with its own Chinese message", () => {
    const email = "clerk@ledger.test";
    expect(newPasswordProblem({ ...ok, new_password_repeat: "a new long passwore" }, email)).toBe(
      "两次输入的新密码不一致。",
    );
    expect(
      newPasswordProblem(
        { ...ok, new_password: "short pw 11", new_password_repeat: "short pw 11" },
        email,
      ),
    ).toBe("新密码至少 12 位。");
    expect(
      newPasswordProblem(
        { ...ok, new_password: "Clerk@Ledger.test", new_password_repeat: "Clerk@Ledger.test" },
        email,
      ),
    ).toBe("新密码不能与登录邮箱相同。");
    expect(
      newPasswordProblem(
        { ...ok, new_password: ok.current_password, new_password_repeat: ok.current_password },
        email,
      ),
    ).toBe("新密码不能与当前密码相同。");
  });

  it("counts characters, not UTF-16 units or bytes", () => {
    const twelve = "村务公开台账的密码很安全"; // 12 characters, 36 bytes
    expect(
      newPasswordProblem({ ...ok, new_password: twelve, new_password_repeat: twelve }, "a@b.cn"),
    ).toBeNull();
    const short = twelve.slice(1);
    expect(
      newPasswordProblem({ ...ok, new_password: short, new_password_repeat: short }, "a@b.cn"),
    ).toBe("新密码至少 12 位。");
  });
});

describe("one-time passwords", () => {
  it("are four groups of four unambiguous characters, and differ each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = oneTimePassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{4}(-[A-HJ-NP-Za-km-np-z2-9]{4}){3}$/);
      expect(password).not.toMatch(/[0Oo1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it("use the whole alphabet (no byte bias cuts letters off)", () => {
    const letters = new Set(
      Array.from({ length: 300 }, oneTimePassword).join("").replace(/-/g, ""),
    );
    expect(letters.size).toBe(56);
  });
});
