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
