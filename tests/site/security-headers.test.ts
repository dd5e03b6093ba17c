/**
 * Security headers on every kind of response (src/lib/security-headers.ts for the Worker,
 * public/_headers for static files), and the Content-Security-Policy as real Chromium
 * applies it: every page kind opens with JavaScript on and no violation, the inline head
 * script runs (allowed by its hash) and the charts draw.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SAMPLE_ACCOUNTS, SAMPLE_PASSWORD } from "../../scripts/sample-data/releases.ts";
import { fromBase32 } from "../../src/lib/bytes.ts";
import { totp } from "../../src/lib/totp.ts";
import { signInSample, untilNextTotpStep } from "../support/admin-http.ts";
import { launchChromium } from "../support/browser.ts";
import { PAGE_KINDS } from "../support/page-kinds.ts";
import { createHash } from "node:crypto";

const base = inject("baseUrl");

const PAGES = [
  ...PAGE_KINDS,
  "/search?q=藤县",
  "/api/docs",
  "/admin/login",
  "/en",
  "/en/r/450422",
  "/en/rankings",
  "/en/data",
];
const ADMIN_PAGES = ["/admin", "/admin/upload", "/admin/releases", "/admin/bulletins"];

/** The directives of a CSP header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

/** The static files' headers, as public/_headers gives them for every path. */
function staticHeaders(): Map<string, string> {
  const lines = readFileSync("public/_headers", "utf8").split("\n");
  const start = lines.indexOf("/*");
  const out = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (!match) break;
    out.set((match[1] as string).toLowerCase(), match[2] as string);
  }
  return out;
}

function expectSecurityHeaders(headers: Headers, what: string, crossOrigin: boolean) {
  expect(headers.get("strict-transport-security"), what).toMatch(
    /^max-age=(\d+); includeSubDomains$/,
  );
  const maxAge = Number(/max-age=(\d+)/.exec(headers.get("strict-transport-security") ?? "")?.[1]);
  expect(maxAge, what).toBeGreaterThanOrEqual(180 * 86_400);
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  // Only the embed pages may be framed, by any site (tests/site/embed.test.ts).
  const framable = /^\/(?:en\/)?embed\//.test(what);
  expect(headers.get("x-frame-options"), what).toBe(framable ? null : "DENY");
  expect(headers.get("cross-origin-resource-policy"), what).toBe(
    crossOrigin || framable ? "cross-origin" : "same-origin",
  );
  const csp = directives(headers.get("content-security-policy"));
  expect(csp.get("frame-ancestors"), what).toEqual(framable ? ["*"] : ["'none'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts, what).toContain("'self'");
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(csp.get("style-src"), what).toEqual(["'self'"]);
}

describe("security headers", () => {
  it("are on every page kind, in both languages; the one inline script is allowed by its hash", async () => {
    for (const path of [...PAGES, "/r/999999", "/no/such/page"]) {
      const response = await fetch(`${base}${path}`);
      const html = await response.text();
      expectSecurityHeaders(response.headers, path, false);
      // The page's inline scripts (JSON data blocks are not scripts): the head script only,
      // and its hash is the one the policy names.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((m) => !/application\/(?:ld\+)?json/.test(m[1] as string))
        .map((m) => m[2] as string);
      expect(inline, path).toHaveLength(1);
      const hash = `'sha256-${createHash("sha256")
        .update(inline[0] as string)
        .digest("base64")}'`;
      expect(
        directives(response.headers.get("content-security-policy")).get("script-src"),
        path,
      ).toEqual(["'self'", hash]);
    }
  });

  it("are on the page for an address nothing answers, a 404 in the reader's language", async () => {
    for (const [path, text] of [
      ["/no/such/page", "这个网址没有对应的页面"],
      ["/en/no/such/page", "There is no page at this address"],
    ] as const) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain(text);
      expectSecurityHeaders(response.headers, path, false);
    }
  });

  it("are on a cached page's 304 and on a kept page", async () => {
    const first = await fetch(`${base}/r/4504`);
    await first.arrayBuffer();
    const again = await fetch(`${base}/r/4504`);
    await again.arrayBuffer();
    expectSecurityHeaders(again.headers, "kept page", false);
    const revalidated = await fetch(`${base}/r/4504`, {
      headers: { "If-None-Match": first.headers.get("ETag") ?? "" },
    });
    expect(revalidated.status).toBe(304);
    expectSecurityHeaders(revalidated.headers, "304", false);
  });

  it("let other sites load the API, the data files and the feeds, and nothing else", async () => {
    for (const path of [
      "/api/v1/regions/450422/summary",
      "/api/v1/regions/999999/summary",
      "/api/openapi.json",
      "/api/v1/datasets/regions.csv?region=450422104",
      "/data/catalog.jsonld",
      "/data/datapackage.json",
      "/bulletins/feed.xml",
      "/calendar.ics",
    ]) {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBeLessThan(500);
      expectSecurityHeaders(response.headers, path, true);
    }
  });

  it("are on the back office and its API, signed in or not", async () => {
    const session = await signInSample(base, "clerk");
    for (const [path, cookie] of [
      ["/api/admin/session/me", session.cookie],
      ["/api/admin/session/me", ""],
      ...ADMIN_PAGES.map((p) => [p, session.cookie]),
    ] as const) {
      const response = await fetch(`${base}${path}`, { headers: { Cookie: cookie } });
      await response.arrayBuffer();
      expectSecurityHeaders(response.headers, `${path} ${cookie ? "signed in" : ""}`, false);
    }
  });

  it("are on static files, as public/_headers gives them", async () => {
    const page = await (await fetch(`${base}/r/450422`)).text();
    const asset = /\/_astro\/[\w.-]+\.(?:css|js)/.exec(page)?.[0];
    expect(asset).toBeDefined();
    const expected = staticHeaders();
    expect(expected.size).toBeGreaterThanOrEqual(8);
    for (const path of [asset as string, "/favicon.svg"]) {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      for (const [name, value] of expected)
        expect(response.headers.get(name), `${path} ${name}`).toBe(value);
      expectSecurityHeaders(response.headers, path, false);
    }
  });
});

describe("the Content-Security-Policy in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function violationsOn(path: string, context?: BrowserContext) {
    const own = !context;
    context ??= await browser.newContext();
    const page = await context.newPage();
    const reported: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) reported.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { cspSeen: string[] }).cspSeen ??= [];
        (window as unknown as { cspSeen: string[] }).cspSeen.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    await page.goto(`${base}${path}`, { waitUntil: "load" });
    await page.waitForTimeout(150);
    const seen = await page.evaluate(
      () => (window as unknown as { cspSeen?: string[] }).cspSeen ?? [],
    );
    const htmlClass = await page.evaluate(() => document.documentElement.className);
    const charts = await page.evaluate(() =>
      Array.from(document.querySelectorAll("canvas")).map((c) => c.width * c.height),
    );
    await (own ? context.close() : page.close());
    return { violations: [...seen, ...reported], htmlClass, charts };
  }

  it("allows everything every page kind uses, and the head script runs", async () => {
    for (const path of PAGES) {
      const { violations, htmlClass } = await violationsOn(path);
      expect(violations, path).toEqual([]);
      // The inline head script swapped no-js for js: its hash let it run.
      expect(htmlClass.split(" "), path).toContain("js");
    }
  });

  it("lets the charts draw on a region page", async () => {
    const { violations, charts } = await violationsOn("/r/450422");
    expect(violations).toEqual([]);
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.every((area) => area > 0)).toBe(true);
  });

  /** Signs in on the login page as a person does (a code used this half-minute: the next one). */
  async function signedIn(role: "editor" | "clerk"): Promise<BrowserContext> {
    const account = SAMPLE_ACCOUNTS.find((a) => a.role === role)!;
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let tries = 0; tries < 2; tries++) {
      await page.goto(`${base}/admin/login`);
      await page.fill("input[name=email]", account.email);
      await page.fill("input[name=password]", SAMPLE_PASSWORD);
      await page.fill("input[name=code]", await totp(fromBase32(account.totp), Date.now() / 1000));
      await page.click(".login button[type=submit]");
      await page.waitForURL(`${base}/admin`, { timeout: 5_000 }).catch(() => undefined);
      if (new URL(page.url()).pathname === "/admin") break;
      await untilNextTotpStep();
    }
    expect(new URL(page.url()).pathname).toBe("/admin");
    await page.close();
    return context;
  }

  it("allows what the signed-in back office uses", { timeout: 120_000 }, async () => {
    const context = await signedIn("clerk");
    for (const path of ADMIN_PAGES) {
      const { violations, htmlClass } = await violationsOn(path, context);
      expect(violations, path).toEqual([]);
      expect(htmlClass.split(" "), path).toContain("js");
    }
    await context.close();
  });

  it("is enforced: an inline script the policy does not name is refused", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${base}/methodology`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        "<script>document.body.dataset.injected = 'ran';</script></body>",
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${base}/methodology`);
    expect(await page.evaluate(() => document.body.dataset.injected ?? "blocked")).toBe("blocked");
    await context.close();
  });
});
