import { describe, expect, it } from "vitest";
import { parseServerTiming } from "../../../src/lib/request-metrics.ts";

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
