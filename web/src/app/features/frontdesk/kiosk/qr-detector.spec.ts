import { encodeQr } from '../../../core/qr-code';
import { bookingCodeIn, createQrDetector } from './qr-detector';

/** A QR code drawn as RGBA pixels (4 px a module, 4 modules of quiet zone), as a canvas would return it. */
function qrPixels(text: string): { data: Uint8ClampedArray; size: number } {
  const qr = encodeQr(text);
  const scale = 4;
  const size = (qr.size + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const row = Math.floor(y / scale) - 4;
      const column = Math.floor(x / scale) - 4;
      if (qr.modules[row]?.[column]) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { data, size };
}

/** A window whose canvas hands out the given pixels. */
function fakeView(pixels: { data: Uint8ClampedArray; size: number }, extra: Record<string, unknown> = {}): Window {
  const context = { drawImage: jest.fn(), getImageData: jest.fn(() => ({ data: pixels.data })) };
  const canvas = { width: 0, height: 0, getContext: () => context };
  return { ...extra, document: { createElement: () => canvas } } as unknown as Window;
}

describe('bookingCodeIn', () => {
  it('accepts a code as typed, in any case and with stray spaces', () => {
    expect(bookingCodeIn('CIE-7K3P9Q')).toBe('CIE-7K3P9Q');
    expect(bookingCodeIn(' cie-7k3p 9q ')).toBe('CIE-7K3P9Q');
  });

  it('finds the code inside a longer scanned text', () => {
    expect(bookingCodeIn('Prenotazione SPID-BCDF23 del 29/03')).toBe('SPID-BCDF23');
  });

  it('refuses what is not a booking code', () => {
    expect(bookingCodeIn('')).toBeNull();
    expect(bookingCodeIn('CIE-7K3P9')).toBeNull();
    // 0, 1, A, E … are not in the code alphabet.
    expect(bookingCodeIn('CIE-0K3P9Q')).toBeNull();
    expect(bookingCodeIn('https://example.org/')).toBeNull();
  });
});

describe('createQrDetector', () => {
  it('uses the browser’s BarcodeDetector when it reads QR codes', async () => {
    const detect = jest.fn(async () => [{ rawValue: 'CIE-7K3P9Q' }]);
    const BarcodeDetector = Object.assign(
      jest.fn(() => ({ detect })),
      { getSupportedFormats: async () => ['ean_13', 'qr_code'] },
    );
    const view = { BarcodeDetector, document } as unknown as Window;
    const detector = await createQrDetector(view);
    expect(detector.engine).toBe('native');
    expect(BarcodeDetector).toHaveBeenCalledWith({ formats: ['qr_code'] });
    expect(await detector.detect({} as HTMLVideoElement)).toBe('CIE-7K3P9Q');
  });

  it('falls back on jsqr without BarcodeDetector (or without its QR format), which reads the frame', async () => {
    const pixels = qrPixels('CIE-7K3P9Q');
    const BarcodeDetector = Object.assign(jest.fn(), { getSupportedFormats: async () => ['ean_13'] });
    const detector = await createQrDetector(fakeView(pixels, { BarcodeDetector }));
    expect(detector.engine).toBe('jsqr');
    expect(BarcodeDetector).not.toHaveBeenCalled();
    expect(await detector.detect({ videoWidth: pixels.size, videoHeight: pixels.size } as HTMLVideoElement)).toBe('CIE-7K3P9Q');
    // A video without frames yet reads nothing.
    expect(await detector.detect({ videoWidth: 0, videoHeight: 0 } as HTMLVideoElement)).toBeNull();
  });

  it('reads nothing from a frame without a QR code', async () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), size: 64 };
    const detector = await createQrDetector(fakeView(blank));
    expect(detector.engine).toBe('jsqr');
    expect(await detector.detect({ videoWidth: 64, videoHeight: 64 } as HTMLVideoElement)).toBeNull();
  });
});
