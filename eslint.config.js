// Lint TypeScript and Astro files; formatting is Prettier's job.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", ".astro/", ".wrangler/", "node_modules/", "worker-configuration.d.ts"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        document: "readonly",
        performance: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Components get everything as props: a page's data is loaded in one place, its model
    // (src/views/*-model.ts, called by the page), so that a page's reads can be counted and
    // batched (issue 10). Types may still be imported.
    files: ["src/components/**", "src/bulletin/**", "src/layouts/**"],
    // These still load their own data; they move to models next (issue 10).
    ignores: [
      "src/components/search/SearchPage.astro",
      "src/components/data/DataPage.astro",
      "src/components/data/ReleaseChanges.astro",
      "src/components/home/HomePage.astro",
      "src/components/bulletins/BulletinListPage.astro",
      "src/components/calendar/CalendarPage.astro",
      "src/components/rankings/rankings-model.ts",
      "src/bulletin/ReleaseBulletins.astro",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "cloudflare:workers", message: "Load data in the page's model." }],
          patterns: [
            {
              group: ["**/db/*"],
              allowTypeImports: true,
              message: "Load data in the page's model; pass it as props.",
            },
          ],
        },
      ],
    },
  },
);
