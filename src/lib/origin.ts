/**
 * The site's canonical origin: the wrangler var CANONICAL_ORIGIN (for example
 * "https://village-ledger.example"), never the request's Host header. Every identifier that
 * must never change (Atom ids, ICS UIDs, DCAT @ids, the data package's paths) and every
 * canonical link, hreflang link and QR code is built from it, so that reaching the site as
 * localhost, 127.0.0.1 or another name gives the same identifiers.
 */

/** The configured origin, normalised ("https://host[:port]", no path or trailing slash). */
export function canonicalOrigin(env: { CANONICAL_ORIGIN?: string }): string {
  const configured = env.CANONICAL_ORIGIN;
  if (!configured) throw new Error("CANONICAL_ORIGIN is not set (wrangler.toml [vars]).");
  const url = new URL(configured);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`CANONICAL_ORIGIN must be an http(s) origin, not ${configured}.`);
  }
  return url.origin;
}

/**
 * Parameters that links shared in WeChat, Weibo and search ads carry and no page reads
 * (WeChat adds from=singlemessage&isappinstalled=0 to every shared link).
 */
const TRACKING_PARAMS =
  /^(utm_\w+|fbclid|gclid|spm|from|isappinstalled|nsukey|scene|clicktime|enterid)$/;

/**
 * A page's query as it selects the page's view: tracking parameters dropped, the rest in
 * name order ("" when none are left). One view, one address: the edge cache's key and the
 * canonical link both use it.
 */
export function viewSearch(url: URL): string {
  if (url.search === "" || url.search === "?") return "";
  // A page asks several times (cache key, canonical and language links): work it out once.
  if (url.search === lastView.search) return lastView.view;
  const params = new URLSearchParams(
    [...url.searchParams].filter(([name]) => !TRACKING_PARAMS.test(name)),
  );
  params.sort();
  const search = params.toString();
  lastView = { search: url.search, view: search ? `?${search}` : "" };
  return lastView.view;
}

let lastView = { search: "", view: "" };

/** The canonical address of what `url` shows: the canonical origin, its path and view. */
export function canonicalUrl(origin: string, url: URL): string {
  return `${origin}${url.pathname}${viewSearch(url)}`;
}
