import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ServiceDto } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { CIE } from '../../testing/fixtures';
import { ServiceCard } from './service-card';

describe('ServiceCard', () => {
  let fixture: ComponentFixture<ServiceCard>;
  let el: HTMLElement;

  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  afterEach(() => TestBed.inject(I18n).setLanguage('it'));

  async function render(service: ServiceDto): Promise<void> {
    fixture = TestBed.createComponent(ServiceCard);
    fixture.componentRef.setInput('service', service);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  it('a service booked only with SPID or CIE says so among its facts, and can still be opened', async () => {
    await render({ ...CIE, signInRequired: true });
    const badge = el.querySelector('[data-testid="sign-in-required-badge"]');
    expect(badge?.tagName).toBe('DD');
    expect(text(badge)).toBe('Si prenota solo con SPID o CIE');
    expect(text(badge?.previousElementSibling)).toBe('Accesso');
    expect(el.querySelector('[data-testid="book"]')?.getAttribute('href')).toBe('/prenota/CIE');

    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid="sign-in-required-badge"]'))).toBe('Booked only with SPID or CIE');
  });

  it('no badge for a service anyone can book', async () => {
    await render(CIE);
    expect(el.querySelector('[data-testid="sign-in-required-badge"]')).toBeNull();
    expect(text(el.querySelector('dl'))).not.toContain('SPID o CIE');
  });
});
