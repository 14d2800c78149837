import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/** What a citizen needs to reach the office: its name, address, phone, e-mail and map link. */
export interface OfficeContactsData {
  name: string;
  /** Street and town. */
  address: string;
  phone: string | null;
  email: string | null;
  /** OpenStreetMap (a link, never an embedded map). */
  mapUrl: string;
}

let nextId = 0;

/**
 * "Per aiuto contatta l'URP": the office's contacts wherever a citizen may be stuck — the
 * manage page, the waiting list, a time that cannot be changed online any more.
 */
@Component({
  selector: 'sp-office-contacts',
  template: `
    <section class="sp-contacts" [attr.aria-labelledby]="id" data-testid="office-contacts">
      @switch (headingLevel()) {
        @case (3) {
          <h3 class="h5" [id]="id">{{ title() }}</h3>
        }
        @default {
          <h2 class="h5" [id]="id">{{ title() }}</h2>
        }
      }
      @if (office(); as office) {
        <ul class="list-unstyled mb-0">
          <li>
            <span class="fw-semibold">{{ i18n.t('contacts.address') }}:</span> {{ office.name }}, {{ office.address }} –
            <a [href]="office.mapUrl" target="_blank" rel="noopener noreferrer" data-testid="contacts-map"
              >{{ i18n.t('contacts.map') }}<span class="visually-hidden"> {{ i18n.t('contacts.mapNote') }} {{ i18n.t('common.newWindow') }}</span></a
            >
          </li>
          @if (office.phone; as phone) {
            <li>
              <span class="fw-semibold">{{ i18n.t('contacts.phone') }}:</span>
              <a [href]="phoneHref()" data-testid="contacts-phone">{{ phone }}</a>
            </li>
          }
          @if (office.email; as email) {
            <li>
              <span class="fw-semibold">{{ i18n.t('contacts.email') }}:</span>
              <a [href]="'mailto:' + email" class="text-break" data-testid="contacts-email">{{ email }}</a>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .sp-contacts {
      margin: 1.5rem 0;
      padding: 1rem 1.25rem;
      border-left: 4px solid #0066cc;
      background: #f2f7fc;
    }
    li + li {
      margin-top: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficeContacts {
  readonly office = input.required<OfficeContactsData | null>();
  /** 2 on its own, 3 inside a section. */
  readonly headingLevel = input<2 | 3>(2);
  readonly heading = input<string | null>(null);

  protected readonly i18n = inject(I18n);
  protected readonly id = `sp-contacts-${nextId++}`;
  protected readonly title = computed(() => this.heading() ?? this.i18n.t('contacts.help'));
  protected readonly phoneHref = computed(() => telHref(this.office()?.phone ?? null));
}

/** "051 646 1111" → "tel:0516461111". */
export function telHref(phone: string | null): string | null {
  return phone ? `tel:${phone.replace(/[^\d+]/g, '')}` : null;
}

/** The contacts of an office of the public api. */
export function contactsOf(office: {
  name: string;
  address: string;
  city: string;
  phone: string | null;
  email: string | null;
  mapUrl: string;
}): OfficeContactsData {
  return { name: office.name, address: `${office.address}, ${office.city}`, phone: office.phone, email: office.email, mapUrl: office.mapUrl };
}
