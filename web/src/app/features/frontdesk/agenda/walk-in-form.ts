import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { DisplayDto, OpenStateDto, TicketDto } from '@sportello/contracts';
import { toApiFailure } from '../../../core/api/api-error';
import { CLOCK } from '../../../core/clock';
import { failureText } from '../shared/failure-text';
import { openStateText } from '../shared/open-state';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { FORM_KIT } from '../../../shared/forms/field';
import { FormState } from '../../../shared/forms/form-state';

export const NAME_MAX_LENGTH = 100;

/**
 * "Nuovo biglietto": a walk-in ticket issued at the desk — service, priority access, an
 * optional name — and the number to tell the person, announced in a status region. Only
 * services some desk serves are offered (nobody would call the others). While the office
 * is closed the api refuses; the form says why and issues it after a confirmation.
 */
@Component({
  selector: 'sp-walk-in-form',
  imports: [FORM_KIT],
  templateUrl: './walk-in-form.html',
  styleUrl: './walk-in-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WalkInForm {
  readonly officeId = input.required<string>();
  /** The office's services (from the display: with prefix and current wait). */
  readonly services = input.required<DisplayDto['waits']>();

  protected readonly i18n = inject(FrontDeskI18n);
  private readonly api = inject(FrontDeskApi);
  private readonly injector = inject(Injector);
  private readonly clock = inject(CLOCK);

  protected readonly serviceId = signal('');
  protected readonly priority = signal(false);
  protected readonly name = signal('');
  protected readonly serviceMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly issued = signal<TicketDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly maxLength = NAME_MAX_LENGTH;
  /** Ids `walk-in-service`, `walk-in-name`; the one message a field can have: no service chosen. */
  protected readonly form = new FormState('walk-in', {
    errors: computed((): Record<string, string> => (this.serviceMissing() ? { service: this.i18n.t('walkIn.serviceMissing') } : {})),
    hintFirst: true,
  });
  /** The office is closed: why, while the confirmation is asked. */
  protected readonly closed = signal<string | null>(null);

  protected readonly options = computed(() =>
    this.services()
      .filter((service) => service.desks > 0)
      .map((service) => ({ id: service.serviceId, label: `${this.i18n.pick(service.name, service.ticketPrefix)} (${service.ticketPrefix})` })),
  );
  /** Services left out because no desk serves them, named so nobody looks for them in vain. */
  protected readonly unserved = computed(() =>
    this.services()
      .filter((service) => service.desks === 0)
      .map((service) => this.i18n.pick(service.name, service.ticketPrefix))
      .join(', '),
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

  protected async submit(event: Event | null, force = false): Promise<void> {
    event?.preventDefault();
    if (this.busy()) return;
    this.error.set(null);
    this.closed.set(null);
    if (!this.serviceId()) {
      this.serviceMissing.set(true);
      afterNextRender(() => document.getElementById('walk-in-service')?.focus(), { injector: this.injector });
      return;
    }
    this.busy.set(true);
    try {
      const name = this.name().trim();
      const ticket = await this.api.issue(this.officeId(), {
        serviceId: this.serviceId(),
        priority: this.priority(),
        ...(name ? { name } : {}),
        ...(force ? { force: true } : {}),
      });
      this.issued.set(ticket);
      this.priority.set(false);
      this.name.set('');
    } catch (error: unknown) {
      this.issued.set(null);
      const open =
        toApiFailure(error).code === 'OFFICE_CLOSED' && error instanceof HttpErrorResponse
          ? ((error.error as { open?: OpenStateDto } | null)?.open ?? null)
          : null;
      if (open && !force) {
        this.closed.set(openStateText(open, this.clock(), this.i18n));
        afterNextRender(() => document.getElementById('walk-in-closed')?.focus(), { injector: this.injector });
      } else {
        this.error.set(failureText(error, this.i18n));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected confirmClosed(): Promise<void> {
    return this.submit(null, true);
  }

  protected cancelClosed(): void {
    this.closed.set(null);
    afterNextRender(() => document.querySelector<HTMLElement>('[data-testid="walk-in-submit"]')?.focus(), { injector: this.injector });
  }
}
