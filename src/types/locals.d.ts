/** What the middleware (src/middleware.ts) gives every page and component. */
declare namespace App {
  interface Locals {
    /** The configured canonical origin (src/lib/origin.ts), e.g. "https://village-ledger.example". */
    canonicalOrigin: string;
  }
}
