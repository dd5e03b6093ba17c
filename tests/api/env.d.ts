/// <reference types="@cloudflare/vitest-plugin/types" />
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** tests/fixtures/uploads, base64 by relative path (see vitest.config.ts). */
    UPLOAD_FIXTURES: Record<string, string>;
  }
}
