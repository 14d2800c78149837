import { afterNextRender, ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, effect, ElementRef, inject, OnDestroy, viewChild } from '@angular/core';
import { ALTCHA_CONFIG, AltchaElement, loadAltcha, ProofOfWork } from '../../core/api/proof-of-work';
import { I18n } from '../../core/i18n/i18n';

/**
 * The proof of work next to the button that sends a hold, a booking or a waitlist sign-up
 * (ALTCHA: self-hosted, no third party, no cookie, with its own accessible status). It
 * solves in the background; the request takes the solution (ProofOfWork).
 */
@Component({
  selector: 'sp-proof-of-work',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<altcha-widget #widget class="sp-proof-of-work" data-testid="proof-of-work" [attr.language]="i18n.lang()" auto="off" type="checkbox" />`,
  styles: `
    :host {
      display: block;
      margin-block: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProofOfWorkWidget implements OnDestroy {
  protected readonly i18n = inject(I18n);
  private readonly proofOfWork = inject(ProofOfWork);
  private readonly element = viewChild.required<ElementRef<AltchaElement>>('widget');
  private attached: AltchaElement | null = null;
  private destroyed = false;

  constructor() {
    afterNextRender(() => void this.start());
    effect(() => {
      const language = this.i18n.lang();
      void this.attached?.configure({ language });
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    if (this.attached) this.proofOfWork.detach(this.attached);
  }

  private async start(): Promise<void> {
    // Browsers only (jsdom has no workers): without them the api answers CHALLENGE_REQUIRED.
    if (!(await loadAltcha(document))) return;
    const widget = this.element().nativeElement;
    await widget.configure({ ...ALTCHA_CONFIG, language: this.i18n.lang() });
    if (this.destroyed) return;
    this.attached = widget;
    this.proofOfWork.attach(widget);
  }
}
