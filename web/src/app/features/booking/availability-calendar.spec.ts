import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AvailabilityCalendar } from './availability-calendar';

@Component({
  imports: [AvailabilityCalendar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sp-availability-calendar
      [(month)]="month"
      minMonth="2027-03"
      maxMonth="2027-05"
      [available]="available"
      [selected]="selected()"
      (dateSelected)="selected.set($event)"
    />
  `,
})
class Host {
  readonly month = signal('2027-03');
  readonly selected = signal<string | null>(null);
  readonly available: ReadonlySet<string> = new Set(['2027-03-29', '2027-03-31', '2027-04-07', '2027-05-03']);
}

describe('AvailabilityCalendar', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  const day = (date: string) => el.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`);

  async function press(target: HTMLElement | null, key: string): Promise<void> {
    target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  }

  it('renders a table with a row per week and a button per day', () => {
    const rows = el.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(5);
    expect(el.querySelectorAll('tbody button')).toHaveLength(31);
    expect(el.querySelector('table')?.getAttribute('aria-labelledby')).toBe(el.querySelector('[data-testid="calendar-month"]')?.id);
  });

  it('reports the chosen day and marks it pressed', async () => {
    day('2027-03-31')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.selected()).toBe('2027-03-31');
    expect(day('2027-03-31')?.getAttribute('aria-pressed')).toBe('true');
    expect(day('2027-03-31')?.getAttribute('tabindex')).toBe('0');
    expect(day('2027-03-29')?.getAttribute('tabindex')).toBe('-1');
  });

  it('moves the focus with the arrow keys, over to the next month', async () => {
    day('2027-03-29')?.focus();
    await press(day('2027-03-29'), 'ArrowRight');
    expect(document.activeElement).toBe(day('2027-03-31'));

    await press(day('2027-03-31'), 'ArrowDown');
    expect(fixture.componentInstance.month()).toBe('2027-04');
    expect(document.activeElement).toBe(day('2027-04-07'));
    expect(day('2027-04-07')?.getAttribute('tabindex')).toBe('0');

    await press(day('2027-04-07'), 'PageDown');
    expect(fixture.componentInstance.month()).toBe('2027-05');
    expect(document.activeElement).toBe(day('2027-05-03'));
  });

  it('does not select on arrow keys and stays put at the edges', async () => {
    await press(day('2027-03-29'), 'ArrowLeft');
    expect(fixture.componentInstance.month()).toBe('2027-03');
    expect(fixture.componentInstance.selected()).toBeNull();
  });
});
