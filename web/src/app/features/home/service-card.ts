import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ServiceDto } from '@sportello/contracts';
import { formatDateByHand, formatEuroCents } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';

@Component({
  selector: 'sp-service-card',
  imports: [RouterLink],
  templateUrl: './service-card.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceCard {
  readonly service = input.required<ServiceDto>();

  protected readonly i18n = inject(I18n);

  protected readonly headingId = computed(() => `service-${this.service().code}-title`);
  /** Texts in the visitor's language, whatever language the list was fetched in. */
  protected readonly name = computed(() => this.i18n.pick(this.service().names, this.service().name));
  protected readonly description = computed(() => this.i18n.pick(this.service().description, ''));
  protected readonly documents = computed(() => this.i18n.pick(this.service().documentsByLanguage, this.service().documents));
  protected readonly fee = computed(() => {
    const cents = this.service().feeCents;
    return cents === null ? this.i18n.t('service.free') : formatEuroCents(cents, this.i18n.locale());
  });
  /** The last closed day, "30 aprile 2027" (written out: the home page renders without Intl). */
  protected readonly suspendedUntil = computed(() => {
    const date = this.service().suspension?.lastClosedDate;
    return date ? formatDateByHand(date, this.i18n.locale()) : '';
  });
  protected readonly feeNote = computed(() => this.i18n.pick(this.service().feeNote, ''));
  protected readonly online = computed(() => {
    const alternative = this.service().onlineAlternative;
    return alternative ? { url: alternative.url, text: this.i18n.pick(alternative.description, alternative.url) } : null;
  });
}
