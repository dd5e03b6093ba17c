/**
 * The build's identity: a new value for every `astro build` (astro.config.mjs defines
 * __BUILD_ID__), "dev" where the code runs unbuilt (the API tests). Cache keys and ETags
 * carry it, so that a deploy that changes a page or a file is never hidden behind a copy
 * cached (even as immutable) by the build before.
 */
declare const __BUILD_ID__: string | undefined;

export const BUILD_ID: string = typeof __BUILD_ID__ === "string" ? __BUILD_ID__ : "dev";

/**
 * What identifies the data an answer holds, and the code that wrote it: the build, and a
 * release's freeze moment or the live data's last update. HTTP ETags and the cached sizes
 * of downloads (export_sizes) are keyed by it: a deploy may change what a download holds
 * for the same data (a column, a format), and a release's copy is cached for a year.
 */
export function dataStamp(asOf: string | null, liveUpdatedAt: string | null): string {
  return `${BUILD_ID}|${asOf ?? `live:${liveUpdatedAt ?? ""}`}`;
}
