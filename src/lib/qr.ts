/**
 * QR codes as SVG path data, drawn on the server (qrcode-generator computes the matrix),
 * so that a printed page carries its own address without any script; the same drawing as
 * a whole SVG image (authenticator enrolment in the back office) and as terminal text
 * (`npm run admin:create`).
 */
import qrcode from "qrcode-generator";

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data: one rectangle per horizontal run of dark modules, in module units. */
  d: string;
}

/** The blank margin scanners need around a QR code, in modules. */
export const QR_QUIET_ZONE = 4;

function qrMatrix(text: string) {
  const qr = qrcode(0, "M");
  // The library takes one character per byte: hand it the UTF-8 bytes.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
  return qr;
}

/** Codes drawn in this isolate: every printed page draws its own address on each render. */
const drawn = new Map<string, QrPath>();
const DRAWN_KEPT = 512;

/**
 * The QR code of a text (error correction M, the smallest version that fits), remembered
 * for the next render of the same page (choosing the mask is most of the work).
 * @example qrPath("https://example.org/r/450422").size // 25
 */
export function qrPath(text: string): QrPath {
  const known = drawn.get(text);
  if (known) return known;
  const path = drawQrPath(text);
  if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value as string);
  drawn.set(text, path);
  return path;
}

function drawQrPath(text: string): QrPath {
  const qr = qrMatrix(text);
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!qr.isDark(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && qr.isDark(y, x)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size, d: parts.join("") };
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * A whole SVG image of the QR code of a text, quiet zone included, drawn as the printed
 * pages draw theirs (qrPath): for showing a code that exists only at that moment, such as
 * an authenticator app's enrolment URI. `label` is the image's accessible name.
 */
export function qrSvg(text: string, label: string): string {
  const { size, d } = qrPath(text);
  const side = size + 2 * QR_QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 5}" ` +
    `height="${side * 5}" role="img" aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path d="${d}" transform="translate(${QR_QUIET_ZONE} ${QR_QUIET_ZONE})" fill="#000"/></svg>`
  );
}

/**
 * The QR code of a text for a terminal: two modules per character cell (half blocks), light
 * modules drawn as blocks. With `ansi`, each line is set white on black, so the code scans
 * in light and dark terminal themes alike; without it (output to a file), a dark background
 * is assumed.
 */
export function qrTerminal(text: string, ansi: boolean): string {
  const qr = qrMatrix(text);
  const size = qr.getModuleCount();
  const side = size + 2 * QR_QUIET_ZONE;
  const light = (y: number, x: number) => {
    const my = y - QR_QUIET_ZONE;
    const mx = x - QR_QUIET_ZONE;
    return my < 0 || mx < 0 || my >= size || mx >= size || !qr.isDark(my, mx);
  };
  const lines: string[] = [];
  for (let y = 0; y < side; y += 2) {
    let line = "";
    for (let x = 0; x < side; x++) {
      const top = light(y, x);
      // An odd side leaves the last line's lower half outside the code: light, like the margin.
      const bottom = y + 1 < side ? light(y + 1, x) : true;
      line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    lines.push(ansi ? `\x1b[97;40m${line}\x1b[0m` : line);
  }
  return lines.join("\n");
}
