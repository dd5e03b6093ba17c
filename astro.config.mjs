// @ts-check
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  adapter: cloudflare({ imageService: "passthrough" }),
  session: false,
  server: { port: Number(process.env.PORT ?? 8787), host: "127.0.0.1" },
  build: { inlineStylesheets: "always" },
  devToolbar: { enabled: false },
});
