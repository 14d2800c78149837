import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PasswordMeter } from './password-meter';

@Component({
  imports: [PasswordMeter],
  template: `<sp-password-meter [password]="password()" username="nuovo.collega" displayName="Giulia Neri" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly password = signal('');
}

describe('PasswordMeter (real zxcvbn-ts with the Italian dictionary)', () => {
  let fixture: ComponentFixture<Host>;
  const text = () => (fixture.nativeElement.querySelector('[data-testid="password-meter-text"]') as HTMLElement).textContent?.trim() ?? '';
  const meter = () => fixture.nativeElement.querySelector('[data-testid="password-meter"]') as HTMLElement | null;

  /** Types the password, then moves the (fake) clock on until the checker has scored it. */
  async function type(password: string): Promise<void> {
    fixture.componentInstance.password.set(password);
    fixture.detectChanges();
    for (let i = 0; i < 500 && !meter()?.hasAttribute('data-score'); i++) {
      await jest.advanceTimersByTimeAsync(10);
      fixture.detectChanges();
    }
    expect(meter()?.hasAttribute('data-score')).toBe(true);
  }

  beforeEach(() => {
    jest.useFakeTimers({ advanceTimers: true });
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
  });

  afterEach(() => jest.useRealTimers());

  it('says nothing for an empty password', () => {
    expect(text()).toBe('');
    expect(meter()).toBeNull();
  });

  it('refuses what the api refuses, with the reason, and says when it is fine', async () => {
    await type('corta');
    expect(text()).toContain('almeno 12 caratteri');
    await type('password1234');
    expect(meter()?.getAttribute('data-ok')).toBe('false');
    expect(text()).toContain('facile da indovinare');
    await type('giulia-tramonto-lanterna');
    expect(text()).toContain('nome utente');
    await type('ombrello vulcano biscotto lanterna');
    expect(meter()?.getAttribute('data-ok')).toBe('true');
    expect(Number(meter()?.getAttribute('data-score'))).toBeGreaterThanOrEqual(3);
    expect(text()).toBe('Robustezza: ottima. Va bene.');
  }, 30_000); // zxcvbn-ts loads its Italian dictionary: seconds on a busy 2-core machine, not 5
});
