/**
 * Draws each chart card when it comes into view: chart.js is loaded on first need and
 * charts below the fold cost nothing until the reader scrolls to them. Before printing,
 * every chart is drawn so that the sheet shows them all.
 */
type Renderer = typeof import("./chart-render.ts");
let renderer: Renderer | null = null;

async function load(): Promise<Renderer> {
  renderer ??= await import("./chart-render.ts");
  return renderer;
}

function undrawn(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-chart]:not([data-drawn])")];
}

export function drawCharts(): void {
  const cards = undrawn();
  if (cards.length === 0) return;
  const draw = async (card: HTMLElement) => (await load()).renderChart(card);
  window.addEventListener("beforeprint", () => {
    // Synchronous when chart.js is already loaded (it is once any chart was in view).
    if (renderer) for (const card of undrawn()) renderer.renderChart(card);
    else for (const card of undrawn()) void draw(card);
  });
  if (!("IntersectionObserver" in window)) {
    cards.forEach((card) => void draw(card));
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: "200px 0px" },
  );
  cards.forEach((card) => observer.observe(card));
}
