/** The QR code library's own output, as the reference for src/lib/qr.ts and what uses it. */
import qrcode from "qrcode-generator";

/** The library's own matrix of a text (UTF-8 bytes, level M), as the reference. */
export function qrReference(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => qr.isDark(y, x)));
}
