import { create } from 'qrcode';

/** A QR code as a matrix, drawn as one SVG path by the caller. */
export interface QrCode {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  /** `modules[row][column]`: true is a dark module. */
  modules: boolean[][];
}

/** Encodes `text` with the maintained `qrcode` package, error correction level M. */
export function encodeQr(text: string): QrCode {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  return {
    size,
    modules: Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => Boolean(modules.get(row, column)))),
  };
}

/** The dark modules as one SVG path, offset by a quiet zone of `quietZone` modules. */
export function qrPath(qr: QrCode, quietZone = 4): string {
  const parts: string[] = [];
  qr.modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + quietZone} ${y + quietZone}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
