import QRCode from "qrcode";

/** The QR code of a URL as an SVG data URI, rendered on the server (no client JavaScript). */
export async function qrSvgDataUri(url: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(url)).toString("base64")}`;
}

/** The QR code of a URL as an SVG document. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

/** The QR modules (size × size booleans) for vector drawing in a PDF. */
export function qrModules(url: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => Boolean(data[y * size + x]) };
}
