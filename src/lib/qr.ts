/**
 * QR codes as SVG path data, drawn on the server (qrcode-generator computes the matrix),
 * so that a printed page carries its own address without any script.
 */
import qrcode from "qrcode-generator";

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data: one rectangle per horizontal run of dark modules, in module units. */
  d: string;
}

/**
 * The QR code of a text (error correction M, the smallest version that fits).
 * @example qrPath("https://example.org/r/450422").size // 25
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, "M");
  // The library takes one character per byte: hand it the UTF-8 bytes.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
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
