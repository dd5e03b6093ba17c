/**
 * What one request cost: D1 queries and round trips, the time spent waiting on D1, the
 * time to render, and what the edge cache did. One record per request, kept in an
 * AsyncLocalStorage (nodejs_compat) so that every D1 call made on the request's behalf,
 * however deep, is counted in it (src/db/counted.ts), and reported as a Server-Timing
 * header (RFC: W3C Server Timing) on the response, for readers, tests and `npm run bench`.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestMetrics {
  /** D1 statements run (each statement of a batch counts). */
  queries: number;
  /** Round trips to D1: groups of calls in flight together (a batch is one call). */
  roundTrips: number;
  /** Milliseconds with at least one D1 call in flight. */
  d1Ms: number;
  /**
   * Bytes of D1 results, as JSON (the platform caps one query's result at 50 MB): in all,
   * and the largest single call's.
   */
  resultBytes: number;
  largestResultBytes: number;
  /** What the edge cache did: hit, miss, bypass (never stored), or none. */
  cache: "hit" | "miss" | "bypass" | "revalidated" | null;
  /** Bookkeeping of calls in flight. */
  inFlight: number;
  busySince: number;
  started: number;
}

const storage = new AsyncLocalStorage<RequestMetrics>();

export function newMetrics(): RequestMetrics {
  return {
    queries: 0,
    roundTrips: 0,
    d1Ms: 0,
    resultBytes: 0,
    largestResultBytes: 0,
    cache: null,
    inFlight: 0,
    busySince: 0,
    started: performance.now(),
  };
}

/** Runs `fn` with `metrics` as the current request's record. */
export function runWithMetrics<T>(metrics: RequestMetrics, fn: () => T): T {
  return storage.run(metrics, fn);
}

/** The current request's record, if the call is made on behalf of one. */
export function currentMetrics(): RequestMetrics | undefined {
  return storage.getStore();
}

/**
 * Counts one D1 call of `statements` statements around `call`: a call that starts while
 * none is in flight starts a new round trip.
 */
export async function countD1Call<T>(statements: number, call: () => Promise<T>): Promise<T> {
  const m = storage.getStore();
  if (!m) return call();
  m.queries += statements;
  if (m.inFlight === 0) {
    m.roundTrips += 1;
    m.busySince = performance.now();
  }
  m.inFlight += 1;
  try {
    const result = await call();
    const bytes = jsonBytes(result);
    m.resultBytes += bytes;
    m.largestResultBytes = Math.max(m.largestResultBytes, bytes);
    return result;
  } finally {
    m.inFlight -= 1;
    if (m.inFlight === 0) m.d1Ms += performance.now() - m.busySince;
  }
}

const UTF8 = new TextEncoder();

/**
 * The size of a D1 call's result as JSON text (its rows; a statement's meta left out): the
 * measure of what crossed from D1, close to what the platform's result limit counts.
 */
function jsonBytes(result: unknown): number {
  const rows = (value: unknown): unknown =>
    value && typeof value === "object" && "results" in value
      ? (value as { results: unknown }).results
      : value;
  const payload = Array.isArray(result) ? result.map(rows) : rows(result);
  return UTF8.encode(JSON.stringify(payload) ?? "").byteLength;
}

/**
 * The Server-Timing header value: `d1;desc="queries=2 round-trips=1 result-bytes=5120
 * largest-result=4096";dur=3.1,
 * render;dur=9.4, cache;desc="miss"`. Workers' clocks move only across I/O, so durations
 * are coarse in production; the counts are exact.
 */
export function serverTiming(m: RequestMetrics): string {
  const total = performance.now() - m.started;
  const parts = [
    `d1;desc="queries=${m.queries} round-trips=${m.roundTrips} result-bytes=${m.resultBytes} largest-result=${m.largestResultBytes}";dur=${m.d1Ms.toFixed(1)}`,
    `render;dur=${Math.max(0, total - m.d1Ms).toFixed(1)}`,
    `total;dur=${total.toFixed(1)}`,
  ];
  if (m.cache) parts.push(`cache;desc="${m.cache}"`);
  return parts.join(", ");
}

/** Parses the figures back out of a Server-Timing header (for tests and the benchmark). */
export function parseServerTiming(header: string | null): {
  queries: number;
  roundTrips: number;
  cache: string | null;
  totalMs: number;
  resultBytes: number;
  largestResultBytes: number;
} {
  const text = header ?? "";
  return {
    queries: Number(/queries=(\d+)/.exec(text)?.[1] ?? NaN),
    roundTrips: Number(/round-trips=(\d+)/.exec(text)?.[1] ?? NaN),
    cache: /cache;desc="(\w+)"/.exec(text)?.[1] ?? null,
    totalMs: Number(/total;dur=([\d.]+)/.exec(text)?.[1] ?? NaN),
    resultBytes: Number(/result-bytes=(\d+)/.exec(text)?.[1] ?? NaN),
    largestResultBytes: Number(/largest-result=(\d+)/.exec(text)?.[1] ?? NaN),
  };
}
