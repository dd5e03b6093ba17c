/**
 * Suggestions as you type for the region search box: the ARIA 1.2 combobox pattern over
 * /api/v1/search. Without JavaScript the box is a plain GET form to /search; this script
 * only adds the list (arrow keys move, Enter opens the region, Escape closes).
 */
interface Hit {
  code: string;
  name: string;
  parents: { name: string }[];
}

const DELAY_MS = 120;

function setUp(input: HTMLInputElement): void {
  const list = document.getElementById(input.getAttribute("aria-controls") ?? "");
  const status = document.getElementById(input.dataset.status ?? "");
  if (!list || input.dataset.ready) return;
  input.dataset.ready = "true";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  const base = input.dataset.regionBase ?? "/r/";
  const countText = (n: number) =>
    (n === 0 ? input.dataset.none : input.dataset.count?.replace("{n}", String(n))) ?? "";
  let hits: Hit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const options = () => [...list.querySelectorAll<HTMLLIElement>("[role=option]")];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    options().forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    const option = options()[index];
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const open = (code: string) => {
    window.location.assign(`${base}${code}`);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.code = hit.code;
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = hit.name; // textContent: names are never parsed as HTML
        // Names are Chinese on English pages too (WCAG 3.1.2, as the server marks them).
        name.lang = "zh-CN";
        const path = document.createElement("span");
        path.className = "path";
        path.textContent = [...hit.parents.map((p) => p.name), hit.code].join(" › ");
        path.lang = "zh-CN";
        option.appendChild(name);
        option.appendChild(path);
        // mousedown, not click: it comes before the input's blur closes the list.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          open(hit.code);
        });
        return option;
      }),
    );
    if (status) status.textContent = countText(hits.length);
    if (hits.length === 0) return close();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  };
  const fetchHits = async () => {
    const q = input.value.trim();
    pending?.abort();
    if (!q) {
      hits = [];
      if (status) status.textContent = "";
      return close();
    }
    pending = new AbortController();
    try {
      const response = await fetch(`/api/v1/search?${new URLSearchParams({ q, limit: "8" })}`, {
        signal: pending.signal,
      });
      if (!response.ok) return close();
      hits = ((await response.json()) as { results: Hit[] }).results;
      render();
    } catch {
      // Aborted by a newer keystroke, or offline: the form still works.
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchHits, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    const count = options().length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      if (list.hidden) render();
      highlight((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      highlight(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        open(hit.code);
      }
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
}

export function enableSuggestions(): void {
  document.querySelectorAll<HTMLInputElement>("input[data-suggest]").forEach(setUp);
}
