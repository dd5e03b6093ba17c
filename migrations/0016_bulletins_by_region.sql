-- A region's Atom feed (/r/{code}/feed.xml, src/db/region-feed.ts) lists the published
-- bulletins of the region and its ancestors: at most five regions, each looked up here,
-- instead of a scan of every published bulletin in the country (a few hundred thousand
-- after some years of monthly county and city bulletins).
CREATE INDEX bulletins_by_region ON bulletins (region_code, published_at);
