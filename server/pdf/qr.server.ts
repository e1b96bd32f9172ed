import QRCode from "qrcode";

/**
 * Draws the QR code of `url` as vector squares at (x, y), `size` points wide: what a printed document's
 * verification block carries (the receipt's, the certificate's, the receipt of service's).
 */
export function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.modules.data[row * n + col]) doc.rect(x + col * cell, y + row * cell, cell, cell);
  doc.fillColor("#000").fill();
}
