import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSize, parseServerTiming } from "../../../src/lib/request-metrics.ts";

const utf8Json = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value) ?? "").byteLength;

describe("jsonSize", () => {
  it("is the UTF-8 length of JSON.stringify for what D1 returns", () => {
    const rows = [
      { read__: 0, chunk__: 0, rows__: JSON.stringify([["450422", "藤县", 1.5, null]]) },
      { name: '引号"与\\反斜杠\n', n: -0.000001, big: 1e21, ok: true, none: null },
    ];
    expect(jsonSize(rows)).toBe(utf8Json(rows));
    expect(jsonSize("藤县")).toBe(8);
  });

  it("agrees with JSON.stringify on any JSON-like value, surrogates and controls included", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
        expect(jsonSize(value)).toBe(utf8Json(value));
        expect(jsonSize(text)).toBe(utf8Json(text));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves out what JSON leaves out, and writes non-finite numbers as null", () => {
    const value = { a: undefined, b: () => 1, c: [undefined, Number.NaN], d: new Date(0) };
    expect(jsonSize(value)).toBe(utf8Json(value));
    expect(jsonSize(undefined)).toBe(0);
  });
});

describe("parseServerTiming", () => {
  it("reads the counts back out of the header", () => {
    expect(
      parseServerTiming(
        'd1;desc="queries=2 round-trips=1 result-bytes=512 largest-result=400";dur=3.0, render;dur=1.0, total;dur=4.0, cache;desc="miss"',
      ),
    ).toEqual({
      queries: 2,
      roundTrips: 1,
      cache: "miss",
      totalMs: 4,
      resultBytes: 512,
      largestResultBytes: 400,
    });
  });
});
