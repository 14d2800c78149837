import { BOOKING_CODE_ALPHABET, isBookingCodeFormat, normalizeBookingCode } from '@sportello/domain';

/** Reads a QR code off the current video frame; null when there is none (yet). */
export type QrDetect = (video: HTMLVideoElement) => Promise<string | null>;

export interface QrDetector {
  /** `native`: the browser's BarcodeDetector; `jsqr`: the jsqr package, loaded only when needed. */
  engine: 'native' | 'jsqr';
  detect: QrDetect;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?(): Promise<string[]>;
}

/** jsqr reads frames of at most this width (scaled down): fast enough at 4 frames a second. */
const MAX_FRAME_WIDTH = 640;

/**
 * The best QR reader this browser has: BarcodeDetector (Chrome on Android and ChromeOS,
 * Safari 17+ …) when it supports QR codes, else jsqr (pure JavaScript, a lazy chunk).
 */
export async function createQrDetector(view: Window): Promise<QrDetector> {
  const Native = (view as Window & { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Native) {
    const formats = await Native.getSupportedFormats?.().catch(() => [] as string[]);
    if (!formats || formats.includes('qr_code')) {
      const detector = new Native({ formats: ['qr_code'] });
      return { engine: 'native', detect: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
    }
  }
  const module = await import('jsqr');
  const jsQR = module.default ?? module;
  const canvas = view.document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    engine: 'jsqr',
    // Decoding is synchronous; the promise (which a throw rejects) is what the interface asks.
    detect: (video) => new Promise((resolve) => resolve(readFrame(video))),
  };

  function readFrame(video: HTMLVideoElement): string | null {
    if (!context || !video.videoWidth || !video.videoHeight) return null;
    const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    return jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  }
}

const CODE_IN_TEXT = new RegExp(`[A-Z0-9]{1,10}-[${BOOKING_CODE_ALPHABET}]{6}`);

/**
 * The booking code in what was typed or scanned: the code itself ("cie-7k3p9q" too), or a
 * code inside a longer text such as a link. Null when there is none.
 */
export function bookingCodeIn(text: string): string | null {
  const normalized = normalizeBookingCode(text);
  if (isBookingCodeFormat(normalized)) return normalized;
  const found = CODE_IN_TEXT.exec(text.toUpperCase());
  return found && isBookingCodeFormat(found[0]) ? found[0] : null;
}
