import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TicketDto } from '@sportello/contracts';
import { formatShortDate, formatTime } from '../../../core/format';
import { encodeQr, qrPath } from '../../../core/qr-code';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';

const QR_QUIET_ZONE = 4;

/**
 * The ticket as printed on 80 mm thermal paper (and shown on the kiosk screen): the
 * number very large, service, time, people ahead and estimated wait, and a QR code of
 * the public page that follows the ticket live.
 */
@Component({
  selector: 'sp-printed-ticket',
  templateUrl: './printed-ticket.html',
  styleUrl: './printed-ticket.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrintedTicket {
  readonly ticket = input.required<TicketDto>();
  readonly officeName = input<string>('');

  protected readonly i18n = inject(FrontDeskI18n);

  protected readonly qr = computed(() => {
    const code = encodeQr(this.ticket().publicUrl);
    const size = code.size + QR_QUIET_ZONE * 2;
    return { path: qrPath(code, QR_QUIET_ZONE), viewBox: `0 0 ${size} ${size}` };
  });

  protected readonly issuedAt = computed(() => {
    const at = this.ticket().queuedAt;
    return `${formatShortDate(at, this.i18n.locale())}, ${formatTime(at, this.i18n.locale())}`;
  });

  protected readonly wait = computed(() => {
    const minutes = this.ticket().estimatedWaitMinutes;
    if (minutes === null) return null;
    return minutes <= 0 ? this.i18n.t('ticket.waitSoon') : this.i18n.plural('ticket.waitAbout', minutes);
  });
}
