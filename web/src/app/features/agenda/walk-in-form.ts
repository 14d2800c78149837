import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { DisplayDto, TicketDto } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';
import { failureText } from '../frontdesk/failure-text';
import { FrontDeskApi } from '../frontdesk/frontdesk-api';
import { FrontDeskI18n } from '../frontdesk/frontdesk-i18n';

export const NAME_MAX_LENGTH = 100;

/**
 * "Nuovo biglietto": a walk-in ticket issued at the desk — service, priority access, an
 * optional name — and the number to tell the person, announced in a status region.
 */
@Component({
  selector: 'sp-walk-in-form',
  templateUrl: './walk-in-form.html',
  styleUrls: ['../staff/staff.scss', './walk-in-form.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WalkInForm {
  readonly officeId = input.required<string>();
  /** The office's services (from the display: with prefix and current wait). */
  readonly services = input.required<DisplayDto['waits']>();

  protected readonly i18n = inject(FrontDeskI18n);
  private readonly api = inject(FrontDeskApi);
  private readonly injector = inject(Injector);

  protected readonly serviceId = signal('');
  protected readonly priority = signal(false);
  protected readonly name = signal('');
  protected readonly serviceMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly issued = signal<TicketDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly maxLength = NAME_MAX_LENGTH;

  protected readonly options = computed(() =>
    this.services().map((service) => ({ id: service.serviceId, label: `${this.i18n.pick(service.name, service.ticketPrefix)} (${service.ticketPrefix})` })),
  );

  protected onService(event: Event): void {
    this.serviceId.set((event.target as HTMLSelectElement).value);
    if (this.serviceId()) this.serviceMissing.set(false);
  }

  protected onPriority(event: Event): void {
    this.priority.set((event.target as HTMLInputElement).checked);
  }

  protected onName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.error.set(null);
    if (!this.serviceId()) {
      this.serviceMissing.set(true);
      afterNextRender(() => document.getElementById('walk-in-service')?.focus(), { injector: this.injector });
      return;
    }
    this.busy.set(true);
    try {
      const name = this.name().trim();
      const ticket = await firstValueFrom(
        this.api.issue(this.officeId(), { serviceId: this.serviceId(), priority: this.priority(), ...(name ? { name } : {}) }),
      );
      this.issued.set(ticket);
      this.priority.set(false);
      this.name.set('');
    } catch (error: unknown) {
      this.issued.set(null);
      this.error.set(failureText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }
}
