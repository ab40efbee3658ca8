/**
 * A QR symbol as one SVG path, drawn from the qrcode package's module matrix rather than its
 * SVG string: the card renders it as ordinary elements (no {@html}), and the size and quiet
 * zone are ours to set.
 */
import QRCode from 'qrcode';

/** The standard's minimum light margin; scanners fail on codes printed tight to other ink. */
export const QUIET_ZONE = 4;

export interface QrSymbol {
  /** Modules per side, quiet zone included: the SVG viewBox is size × size. */
  size: number;
  /** Dark modules, offset by the quiet zone. */
  path: string;
  version: number;
}

/**
 * Error correction Q (a quarter of the symbol may be lost): a card lives in a pocket and gets
 * creased and stained, and a short code still fits in version 2 (25 × 25 modules) at Q.
 * The alphanumeric mode is forced so that the code's capitals, digits and "-" pack tightly.
 */
export function qrSymbol(text: string): QrSymbol {
  const qr = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
  const { size, data } = qr.modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (data[row * size + col]) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { size: size + 2 * QUIET_ZONE, path, version: qr.version };
}
