/**
 * Turns each chart card's sections into tabs (WAI-ARIA tabs: arrow keys, Home, End).
 * Without this script the sections simply follow one another.
 */
export function setUpTabs(): void {
  for (const card of document.querySelectorAll<HTMLElement>("[data-chart]")) {
    if (card.classList.contains("tabs-ready")) continue;
    // The tab list is a template until now (src/components/ChartCard.astro).
    const template = card.querySelector<HTMLTemplateElement>("template[data-tablist]");
    const tablist = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | null;
    if (!template || !tablist) continue;
    template.replaceWith(tablist);
    const tabs = [...tablist.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    const panels = [...card.querySelectorAll<HTMLElement>("[data-panel]")];
    const select = (index: number, focus: boolean) => {
      tabs.forEach((tab, i) => {
        tab.setAttribute("aria-selected", String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
      });
      panels.forEach((panel, i) => {
        panel.hidden = i !== index;
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tabs[i]?.id ?? "");
      });
      if (focus) tabs[index]?.focus();
    };
    tabs.forEach((tab, index) => {
      tab.addEventListener("click", () => select(index, false));
      tab.addEventListener("keydown", (event) => {
        const last = tabs.length - 1;
        const next =
          event.key === "ArrowRight"
            ? (index + 1) % tabs.length
            : event.key === "ArrowLeft"
              ? (index + last) % tabs.length
              : event.key === "Home"
                ? 0
                : event.key === "End"
                  ? last
                  : -1;
        if (next >= 0) {
          event.preventDefault();
          select(next, true);
        }
      });
    });
    card.classList.add("tabs-ready");
    select(0, false);
  }
}
