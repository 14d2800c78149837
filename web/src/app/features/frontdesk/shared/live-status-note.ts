import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FrontDeskI18n } from './frontdesk-i18n';
import { LiveStatus } from './office-events';

/**
 * A discreet line while the live connection is down ("Riconnessione…"); nothing while it
 * works. Announced politely, since the page's data may be stale meanwhile.
 */
@Component({
  selector: 'sp-live-status-note',
  template: `
    <p class="sp-live-note" [class.sp-live-note-dark]="dark()" role="status" data-testid="live-status">
      @if (status() === 'reconnecting') {
        <span class="sp-live-dot" aria-hidden="true"></span>{{ i18n.t('fd.live.reconnecting') }}
      } @else if (status() === 'off') {
        {{ i18n.t('fd.live.off') }}
      }
    </p>
  `,
  styles: `
    .sp-live-note {
      min-height: 1.5rem;
      margin: 0;
      font-size: 0.875rem;
      color: #5d7083;
    }
    .sp-live-note-dark {
      color: #e6ecf2;
    }
    .sp-live-dot {
      display: inline-block;
      width: 0.6rem;
      height: 0.6rem;
      margin-right: 0.4rem;
      border-radius: 50%;
      background: #cc7a00;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveStatusNote {
  readonly status = input.required<LiveStatus>();
  /** Light text for dark screens (the display). */
  readonly dark = input(false);
  protected readonly i18n = inject(FrontDeskI18n);
}
