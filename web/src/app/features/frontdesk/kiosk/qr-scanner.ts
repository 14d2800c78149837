import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { createQrDetector } from './qr-detector';

const SCAN_INTERVAL_MS = 250;

/** Whether this browser could show a camera at all (the button is hidden otherwise). */
export function cameraAvailable(view: Window | null): boolean {
  return !!view?.navigator?.mediaDevices && typeof view.navigator.mediaDevices.getUserMedia === 'function';
}

/**
 * The camera, looking for a QR code: the first one read is emitted and the camera stops.
 * Uses the back camera where there is one; says so when the camera is refused or missing.
 */
@Component({
  selector: 'sp-qr-scanner',
  template: `
    <div class="sp-scanner">
      <video #video class="sp-scanner-video" playsinline muted [attr.aria-label]="i18n.t('kiosk.scan.video')"></video>
      <p class="sp-scanner-status" role="status">
        @switch (state()) {
          @case ('starting') {
            {{ i18n.t('kiosk.scan.starting') }}
          }
          @case ('scanning') {
            {{ i18n.t('kiosk.scan.scanning') }}
          }
          @case ('denied') {
            {{ i18n.t('kiosk.scan.denied') }}
          }
          @case ('unavailable') {
            {{ i18n.t('kiosk.scan.unavailable') }}
          }
        }
      </p>
    </div>
  `,
  styles: `
    .sp-scanner-video {
      display: block;
      width: 100%;
      max-width: 36rem;
      aspect-ratio: 4 / 3;
      background: #1a1a1a;
      border-radius: 8px;
      object-fit: cover;
    }
    .sp-scanner-status {
      margin-top: 0.75rem;
      font-size: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QrScanner {
  readonly detected = output<string>();

  protected readonly i18n = inject(FrontDeskI18n);
  private readonly view = inject(DOCUMENT).defaultView;
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  protected readonly state = signal<'starting' | 'scanning' | 'denied' | 'unavailable'>('starting');
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor() {
    afterNextRender(() => void this.start());
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  private async start(): Promise<void> {
    const view = this.view;
    if (!view || !cameraAvailable(view)) {
      this.state.set('unavailable');
      return;
    }
    try {
      this.stream = await view.navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (error: unknown) {
      this.state.set(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
      return;
    }
    if (this.stopped) return this.stop();
    const video = this.video().nativeElement;
    video.srcObject = this.stream;
    try {
      await video.play();
      const detector = await createQrDetector(view);
      this.state.set('scanning');
      const scan = async () => {
        if (this.stopped) return;
        const text = await detector.detect(video).catch(() => null);
        if (text && !this.stopped) {
          this.stop();
          this.detected.emit(text);
          return;
        }
        this.timer = setTimeout(() => void scan(), SCAN_INTERVAL_MS);
      };
      void scan();
    } catch {
      this.state.set('unavailable');
      this.stop();
    }
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }
}
