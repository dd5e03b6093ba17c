/**
 * The share block of a chart's download tab (src/components/embed/ChartShare.astro): copy
 * buttons for the permanent link and the embed code, and the PNG button, which draws the
 * chart's SVG image (made on the server) on a canvas at twice its size and downloads it.
 * The buttons are hidden in the HTML and shown here, so that without JavaScript none is
 * there that cannot work (the link, the code and the SVG link still are).
 *
 * Under the site's Content-Security-Policy: the SVG is fetched from this site
 * (connect-src 'self') and loaded as a data: URL (img-src data:); the PNG leaves as a
 * blob: URL through a download link, a navigation that img-src does not govern.
 */

/** Sets up every share block on the page not yet set up. */
export function setUpShare(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-chart-share]")) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "true";
    const status = root.querySelector<HTMLElement>("[data-share-status]");
    const say = (text: string | undefined) => {
      if (status) status.textContent = text ?? "";
    };
    for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
      button.hidden = false;
      button.addEventListener("click", async () => {
        say("");
        const ok = await copyText(button.dataset.copy ?? "");
        say(ok ? root.dataset.copied : root.dataset.copyFailed);
        // Refused: the code is selected, ready to be copied by hand.
        if (!ok) root.querySelector<HTMLTextAreaElement>("[data-embed-code]")?.select();
      });
    }
    if (!("toBlob" in HTMLCanvasElement.prototype)) continue;
    for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-png]")) {
      button.hidden = false;
      button.addEventListener("click", async () => {
        say("");
        button.disabled = true;
        try {
          const response = await fetch(button.dataset.png ?? "");
          if (!response.ok) throw new Error(`SVG: HTTP ${response.status}`);
          const png = await svgToPng(await response.text(), 2);
          download(png, button.dataset.fileName ?? "chart.png");
        } catch (error) {
          console.warn("PNG failed", error);
          say(root.dataset.pngFailed);
        } finally {
          button.disabled = false;
        }
      });
    }
  }
}

/** Puts text on the clipboard; false where the browser refuses (not a secure context). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An SVG document drawn as a PNG at `scale` times its size (its width and height
 * attributes), on a white ground as the SVG's own background rect gives it.
 */
export async function svgToPng(svgText: string, scale: number): Promise<Blob> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("The SVG image did not load."));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d");
  if (!context || width === 0 || height === 0) throw new Error("No canvas to draw on.");
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("No PNG."))), "image/png"),
  );
}

/** Saves a blob under a file name, through a download link. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Long enough for the download to start.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
