/**
 * Real Chromium driven by playwright-core: `CHROMIUM_PATH` when set, else Debian's
 * /usr/bin/chromium when installed, else the Chromium shipped inside the npm dev dependency
 * @sparticuz/chromium (unpacked to /tmp on first use), so that `npm ci && npm test` needs
 * nothing installed by hand. `CHROMIUM_PATH=npm` asks for the npm one even where Debian's
 * is installed (to check that path). CJK glyphs in screenshots need Debian's fonts; text
 * checks do not.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The browser binary and its flags, as the rules above choose them. */
export async function chromiumToLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const asked = process.env.CHROMIUM_PATH;
  if (asked && asked !== "npm") {
    if (!existsSync(asked)) throw new Error(`CHROMIUM_PATH=${asked}: no such file.`);
    return { executablePath: asked, args: FLAGS };
  }
  if (!asked && existsSync(DEBIAN_CHROMIUM))
    return { executablePath: DEBIAN_CHROMIUM, args: FLAGS };
  const { default: packaged } = await import("@sparticuz/chromium");
  // Our flags only: the package's own are made for AWS Lambda and include --single-process
  // (the browser dies when a test closes one of several contexts) and --disable-web-security
  // (no same-origin policy: the security tests would test nothing).
  return { executablePath: await packaged.executablePath(), args: [...FLAGS, "--no-zygote"] };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(await chromiumToLaunch());
}
