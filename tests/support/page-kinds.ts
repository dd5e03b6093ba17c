/** One public page of every kind, in Chinese (the sample's regions), for the site tests. */
export const PAGE_KINDS = [
  "/",
  "/r/45", // province
  "/r/450422", // county
  "/r/450422104", // township
  "/r/450422104211", // village
  "/r/450422/projects", // a region's lists
  "/r/450422104/problems",
  "/r/450422104211/targets",
  "/methodology",
  "/search?q=lz",
  "/rankings",
  "/compare?codes=450422,450421105,140423103263", // regions of three levels side by side
  "/calendar",
  "/bulletins",
  "/bulletins/2",
  "/data",
  "/releases/2026-10",
  "/embed/450422/income", // one chart for other sites' pages (the only page they may frame)
];
