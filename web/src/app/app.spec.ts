import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { App } from './app';

@Component({ template: '<h1>Pagina di prova</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class Dummy {}

/** A page that puts the focus somewhere itself (like a form's error summary). */
@Component({
  template: '<h1>Modulo</h1><input aria-label="campo" data-testid="own-focus" />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FocusesItself {
  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.querySelector('input')?.focus());
  }
}

let releaseSlowPage: (value: boolean) => void = () => undefined;

describe('App shell', () => {
  afterEach(() => jest.useRealTimers());

  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([
          { path: '', component: Dummy },
          { path: 'altra', component: Dummy },
          { path: 'modulo', component: FocusesItself },
          { path: 'schermo', component: Dummy, data: { bare: true } },
          // A page whose code (or data a guard waits for) takes its time.
          { path: 'lenta', component: Dummy, canActivate: [() => new Promise<boolean>((resolve) => (releaseSlowPage = resolve))] },
          { path: 'staff', component: Dummy, data: { shell: 'staff' } },
        ]),
      ],
    }).compileComponents();
  });

  it('has a skip link, header, main and footer landmarks', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const skip = el.querySelector<HTMLAnchorElement>('.skiplinks a');
    expect(skip?.getAttribute('href')).toBe('#main-content');
    expect(skip?.textContent?.trim()).toBe('Vai al contenuto principale');
    expect(el.querySelector('header')?.textContent).toContain('Comune di Calderara di Reno');
    expect(el.querySelector('header')?.textContent).toContain('URP – Ufficio Relazioni con il Pubblico');
    expect(el.querySelector('main#main-content')).not.toBeNull();
    expect(el.querySelector('footer a[href="/privacy"]')).not.toBeNull();
    expect(el.querySelector('footer a[href="/accessibilita"]')).not.toBeNull();
    expect(el.querySelector('footer a[href="/staff"]')?.textContent?.trim()).toBe('Area operatori');
    expect(el.querySelector('a[href="#"]')).toBeNull();
  });

  it('a navigation that takes long shows a spinner within 300 ms, gone once the page is there', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const router = TestBed.inject(Router);
    jest.useFakeTimers({ advanceTimers: true });
    const done = router.navigateByUrl('/lenta');
    await jest.advanceTimersByTimeAsync(50);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="navigating"]')).toBeNull();
    await jest.advanceTimersByTimeAsync(250);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="navigating"] [role="status"]')?.textContent?.trim()).toBe('Caricamento in corso…');
    releaseSlowPage(true);
    await done;
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="navigating"]')).toBeNull();
    expect(el.querySelector('main h1')?.textContent).toBe('Pagina di prova');
  });

  it('the footer links carry the data-element the AgID validator looks for', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('footer a[data-element="privacy-policy-link"]')?.getAttribute('href')).toBe('/privacy');
    expect(el.querySelector('footer a[data-element="accessibility-link"]')?.getAttribute('href')).toBe('/accessibilita');
  });

  it('moves the focus to <main> from the skip link without navigating', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    el.querySelector('.skiplinks a')?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('main-content');
    el.remove();
  });

  it('switches language from the header', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const english = el.querySelector<HTMLButtonElement>('[data-testid="lang-en"]');
    expect(english?.getAttribute('lang')).toBe('en');
    expect(english?.getAttribute('aria-pressed')).toBe('false');
    english?.click();
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('en');
    expect(english?.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('.skiplinks a')?.textContent?.trim()).toBe('Skip to main content');
    expect(localStorage.getItem('sportello.lang')).toBe('en');
  });

  it('focuses the new page heading after an in-app navigation', async () => {
    const harness = await RouterTestingHarness.create();
    const fixture = TestBed.createComponent(App);
    document.body.appendChild(fixture.nativeElement);
    await harness.navigateByUrl('/');
    await harness.navigateByUrl('/altra');
    await fixture.whenStable();
    expect(document.activeElement?.tagName).toBe('H1');
    (fixture.nativeElement as HTMLElement).remove();
  });

  it('leaves out the header and footer on a full-screen page (data.bare), and brings them back', async () => {
    const harness = await RouterTestingHarness.create();
    const fixture = TestBed.createComponent(App);
    const el = fixture.nativeElement as HTMLElement;
    await harness.navigateByUrl('/schermo');
    await fixture.whenStable();
    expect(el.querySelector('sp-site-header')).toBeNull();
    expect(el.querySelector('sp-site-footer')).toBeNull();
    expect(el.querySelector('main#main-content')).not.toBeNull();
    await harness.navigateByUrl('/altra');
    await fixture.whenStable();
    expect(el.querySelector('sp-site-header')).not.toBeNull();
    expect(el.querySelector('sp-site-footer')).not.toBeNull();
  });

  it('leaves the focus where the new page put it', async () => {
    const harness = await RouterTestingHarness.create();
    const fixture = TestBed.createComponent(App);
    document.body.appendChild(fixture.nativeElement);
    await harness.navigateByUrl('/');
    await harness.navigateByUrl('/modulo');
    await fixture.whenStable();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('own-focus');
    (fixture.nativeElement as HTMLElement).remove();
  });

  it('a staff page brings its own frame: no site header, footer or <main> around it', async () => {
    const harness = await RouterTestingHarness.create();
    const fixture = TestBed.createComponent(App);
    const el = fixture.nativeElement as HTMLElement;
    await harness.navigateByUrl('/staff');
    await fixture.whenStable();
    expect(el.querySelector('sp-site-header')).toBeNull();
    expect(el.querySelector('sp-site-footer')).toBeNull();
    expect(el.querySelector('main')).toBeNull();
    expect(el.querySelector('router-outlet')).not.toBeNull();
    await harness.navigateByUrl('/altra');
    await fixture.whenStable();
    expect(el.querySelector('sp-site-header')).not.toBeNull();
    expect(el.querySelector('main#main-content')).not.toBeNull();
  });
});
