import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from './app/core/api/api-client';
import { CLOCK } from './app/core/clock';
import { IT } from './app/core/i18n/dictionary-it';
import { CallVoice } from './app/features/frontdesk/display/call-voice';
import { Display } from './app/features/frontdesk/display/display';
import { FRONTDESK_IT } from './app/features/frontdesk/shared/dictionary-it';
import { FrontDeskApi } from './app/features/frontdesk/shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY } from './app/features/frontdesk/shared/office-events';
import { Home } from './app/features/home/home';
import { LoadingIndicator } from './app/layout/loading-indicator';
import { SiteHeader } from './app/layout/site-header';
import { fakeEventSources, FD_NOW } from './app/testing/frontdesk-fixtures';

/**
 * index.html carries a static copy of the first screen (header, home page while loading,
 * the display's frame), painted before the app starts. It must stay what the app then
 * draws: the same texts (Italian) and the same elements with the same classes.
 */
describe('index.html static first paint', () => {
  const shell = new DOMParser().parseFromString(readFileSync(path.join(__dirname, 'index.html'), 'utf8'), 'text/html');
  const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The class lists of an element's descendants, in document order: its layout's skeleton. */
  /** Its texts, one per text node (whitespace between elements differs, and does not matter). */
  const texts = (el: Element | null | undefined) => {
    const found: string[] = [];
    const walker = el ? document.createTreeWalker(el, NodeFilter.SHOW_TEXT) : null;
    for (let node = walker?.nextNode(); node; node = walker?.nextNode()) found.push(text(node));
    return found.filter(Boolean);
  };
  const skeleton = (el: Element | null | undefined) => [...(el?.querySelectorAll('[class]') ?? [])].map((e) => e.getAttribute('class'));

  beforeEach(() => localStorage.clear());

  it('draws the site header with the texts and structure of SiteHeader', async () => {
    TestBed.configureTestingModule({ imports: [SiteHeader], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(SiteHeader);
    await fixture.whenStable();
    const app = (fixture.nativeElement as HTMLElement).querySelector('.it-header-wrapper');
    const copy = shell.querySelector('.sp-shell-site > .it-header-wrapper');
    expect(skeleton(copy)).toEqual(skeleton(app));
    expect(texts(copy)).toEqual(texts(app));
    expect(text(copy?.querySelector('.it-brand-title'))).toBe(IT['app.comune']);
  });

  it('draws the home page while it loads, as Home does', async () => {
    TestBed.configureTestingModule({
      imports: [Home],
      providers: [provideRouter([]), { provide: ApiClient, useValue: { offices: () => new Promise(() => undefined) } }],
    });
    const fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    const app = (fixture.nativeElement as HTMLElement).querySelector('.container.page-section');
    const copy = shell.querySelector('.sp-shell-home');
    expect(skeleton(copy)).toEqual(skeleton(app));
    expect(texts(copy)).toEqual(texts(app));
    expect(text(copy?.querySelector('h1'))).toBe(IT['home.title']);
    expect(text(copy?.querySelector('.lead'))).toBe(IT['home.intro']);
  });

  it('draws a spinner on every other citizen page, as LoadingIndicator does (feedback from the first paint)', async () => {
    TestBed.configureTestingModule({ imports: [LoadingIndicator] });
    const fixture = TestBed.createComponent(LoadingIndicator);
    await fixture.whenStable();
    const app = (fixture.nativeElement as HTMLElement).querySelector('.sp-loading');
    const copy = shell.querySelector('.sp-shell-site > .sp-shell-page > .sp-loading');
    expect(skeleton(copy)).toEqual(skeleton(app));
    expect(texts(copy)).toEqual([IT['common.loading']]);
  });

  it('draws the display’s frame while it loads, as Display does', async () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: { display: () => new Promise(() => undefined) } },
        { provide: CallVoice, useValue: { enabled: () => false, canSpeak: true } },
        { provide: CLOCK, useValue: () => FD_NOW },
        { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
      ],
    });
    const fixture = TestBed.createComponent(Display);
    fixture.componentRef.setInput('officeId', 'office-1');
    await fixture.whenStable();
    const app = (fixture.nativeElement as HTMLElement).querySelector('.sp-display');
    const copy = shell.querySelector('.sp-shell-display .sp-display');
    // The copy stops at the loading message; the clock's time and date come with the app.
    const shown = (list: (string | null)[]) => list.slice(0, list.indexOf('sp-display-message') + 1);
    expect(skeleton(copy)).toEqual(shown(skeleton(app)));
    expect(text(copy?.querySelector('h1'))).toBe(FRONTDESK_IT['display.title']);
    expect(text(copy?.querySelector('.sp-display-message'))).toBe(IT['common.loading']);
    fixture.destroy();
  });
});
