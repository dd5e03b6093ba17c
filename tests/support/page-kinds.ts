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
  "/calendar",
  "/bulletins",
  "/bulletins/2",
  "/data",
  "/releases/2026-10",
];
