// @ts-check
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";

// A new identity for every build: cache keys and ETags carry it (src/lib/build.ts).
const BUILD_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export default defineConfig({
  output: "server",
  adapter: cloudflare({ imageService: "passthrough" }),
  session: false,
  server: { port: Number(process.env.PORT ?? 8787), host: "127.0.0.1" },
  // Stylesheets as files: cached once for every page (immutable, hashed names) instead of
  // 16 KB rendered into each page; and no inline styles for the CSP (issue 12).
  build: { inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  vite: {
    define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
    // Scripts as files, never inlined however small: the Content-Security-Policy allows
    // scripts from this origin and one hashed inline script only (src/lib/security-headers.ts).
    build: { assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined) },
  },
});
