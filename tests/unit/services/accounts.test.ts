/**
 * Account helpers of src/services/accounts.ts that need no database: the enrolment QR code
 * of an authenticator, the new-password rules and one-time passwords.
 */
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, qrPath } from "../../../src/lib/qr.ts";
import { newTotpSecret, totpUri } from "../../../src/lib/totp.ts";
import {
  newPasswordProblem,
  oneTimePassword,
  totpEnrolment,
} from "../../../src/services/accounts.ts";
import { qrReference as reference } from "../support/qr.ts";

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
