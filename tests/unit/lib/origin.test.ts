/** The canonical origin (src/lib/origin.ts). */
import { describe, expect, it } from "vitest";
import { canonicalOrigin, canonicalUrl, viewSearch } from "../../../src/lib/origin.ts";

describe("canonicalOrigin", () => {
  it("is the configured origin without path or trailing slash", () => {
    expect(canonicalOrigin({ CANONICAL_ORIGIN: "https://ledger.example.cn/" })).toBe(
      "https://ledger.example.cn",
    );
    expect(canonicalOrigin({ CANONICAL_ORIGIN: "http://127.0.0.1:8787" })).toBe(
      "http://127.0.0.1:8787",
    );
  });

  it("refuses a missing or non-web origin rather than fall back to the Host header", () => {
    expect(() => canonicalOrigin({})).toThrow(/CANONICAL_ORIGIN is not set/);
    expect(() => canonicalOrigin({ CANONICAL_ORIGIN: "ftp://ledger.example" })).toThrow(/http/);
    expect(() => canonicalOrigin({ CANONICAL_ORIGIN: "ledger.example" })).toThrow();
  });
});

describe("viewSearch and canonicalUrl", () => {
  it("drop tracking parameters and sort the rest", () => {
    const url = new URL(
      "http://x/r/450422?utm_source=wx&period=2026-06&from=singlemessage&isappinstalled=0&dir=desc",
    );
    expect(viewSearch(url)).toBe("?dir=desc&period=2026-06");
    expect(canonicalUrl("https://ledger.example", url)).toBe(
      "https://ledger.example/r/450422?dir=desc&period=2026-06",
    );
    expect(viewSearch(new URL("http://x/r/45?from=timeline"))).toBe("");
  });
});
