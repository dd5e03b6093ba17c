/**
 * Sorts [data-sortable] tables in place when a header link is chosen, instead of loading
 * the sorted page (the links still work without JavaScript). Cells carry their raw value
 * in data-sort-value; rows without one go last.
 */
export function enableTableSorting(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
    if (table.dataset.sortReady) continue;
    table.dataset.sortReady = "true";
    const headers = [...table.querySelectorAll<HTMLTableCellElement>("thead th")];
    headers.forEach((th, column) => {
      const link = th.querySelector<HTMLAnchorElement>("a[data-sort-key]");
      link?.addEventListener("click", (event) => {
        event.preventDefault();
        const descending = th.getAttribute("aria-sort") !== "descending";
        headers.forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        const body = table.tBodies[0];
        if (!body) return;
        const key = (row: HTMLTableRowElement): string | number | null => {
          if (column === 0) return row.dataset.name ?? "";
          const raw = row.cells[column]?.dataset.sortValue;
          return raw === undefined || raw === "" ? null : Number(raw);
        };
        const rows = [...body.rows].sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          if (ka === null) return kb === null ? 0 : 1;
          if (kb === null) return -1;
          const order =
            typeof ka === "string" ? ka.localeCompare(String(kb), "zh-CN") : ka - Number(kb);
          return descending ? -order : order;
        });
        for (const row of rows) body.appendChild(row);
        history.replaceState(null, "", link.href);
      });
    });
  }
}
