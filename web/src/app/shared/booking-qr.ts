import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';
import { encodeQr, qrPath } from '../core/qr-code';

/** Modules of white around the code, as the QR specification asks: the totem's camera needs them. */
const QUIET_ZONE = 4;

/** The booking code as a QR code, which the totem reads at check-in (confirmation and manage pages). */
@Component({
  selector: 'sp-booking-qr',
  template: `
    <svg
      class="sp-qr"
      [attr.data-testid]="testId()"
      role="img"
      [attr.viewBox]="qr().viewBox"
      [attr.aria-label]="i18n.t('confirm.qrLabel', { code: code() })"
      shape-rendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path [attr.d]="qr().path" fill="#000" />
    </svg>
  `,
  styles: `
    :host {
      display: block;
    }
    .sp-qr {
      display: block;
      width: 12rem;
      max-width: 100%;
      height: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingQr {
  readonly code = input.required<string>();
  readonly testId = input.required<string>();
  protected readonly i18n = inject(I18n);
  protected readonly qr = computed(() => {
    const qr = encodeQr(this.code());
    const size = qr.size + QUIET_ZONE * 2;
    return { path: qrPath(qr, QUIET_ZONE), viewBox: `0 0 ${size} ${size}` };
  });
}
