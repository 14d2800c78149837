import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, inject, Injector, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ActivatedRouteSnapshot,
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationStart,
  Router,
  RouterOutlet,
  RoutesRecognized,
} from '@angular/router';
import { filter, skip } from 'rxjs';
import { I18n } from './core/i18n/i18n';
import { NavigationFeedback } from './core/navigation-feedback';
import { LoadingIndicator } from './layout/loading-indicator';
import { SiteFooter } from './layout/site-footer';
import { SiteHeader } from './layout/site-header';

@Component({
  selector: 'sp-root',
  imports: [RouterOutlet, SiteHeader, SiteFooter, LoadingIndicator],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);

  /**
   * The frame around the page, decided as soon as the route is known: the citizen site's
   * header and footer; none for a page with `data: { bare: true }` (the waiting-room
   * display, the kiosk), which fills the screen; or the staff shell's own (`data: { shell:
   * 'staff' }`), which brings its header, `<main>` and footer (features/staff/staff-shell).
   */
  protected readonly layout = signal<Layout>('site');

  /**
   * A navigation still going after NAVIGATION_FEEDBACK_MS (a lazy page's code, a booking
   * being taken up after a reload, a slow network): a spinner says so, well within 300 ms.
   */
  protected readonly navigating = inject(NavigationFeedback).navigating;

  constructor() {
    let feedback: ReturnType<typeof setTimeout> | undefined;
    this.router.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event instanceof NavigationStart) {
        clearTimeout(feedback);
        feedback = setTimeout(() => this.navigating.set(true), NAVIGATION_FEEDBACK_MS);
      } else if (event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError) {
        clearTimeout(feedback);
        this.navigating.set(false);
      }
      if (event instanceof RoutesRecognized) this.layout.set(layoutOf(event.state.root));
      else if (event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError) {
        this.layout.set(layoutOf(this.router.routerState.snapshot.root));
      }
    });

    // After an in-app navigation, move the focus to the new page's heading so screen
    // reader and keyboard users start from the top of the new content — unless the new
    // page has already put it somewhere on purpose (e.g. on a form's error summary).
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() =>
        afterNextRender(
          () => {
            if (!this.pageHasFocus()) this.focusMain('h1');
          },
          { injector: this.injector },
        ),
      );
  }

  private pageHasFocus(): boolean {
    const main = this.document.getElementById('main-content');
    const active = this.document.activeElement;
    return !!main && !!active && active !== main && main.contains(active);
  }

  /** The skip link: focus <main> without changing the URL (the base href would reload "/"). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(selector?: string): void {
    const main = this.document.getElementById('main-content');
    const target = (selector && main?.querySelector<HTMLElement>(selector)) || main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
}

/** How long a navigation may take before a spinner shows (the goal: feedback within 300 ms). */
export const NAVIGATION_FEEDBACK_MS = 150;

type Layout = 'site' | 'bare' | 'staff';

function layoutOf(route: ActivatedRouteSnapshot | null): Layout {
  let layout: Layout = 'site';
  for (let r = route; r; r = r.firstChild) {
    if (r.data['bare']) return 'bare';
    if (r.data['shell'] === 'staff') layout = 'staff';
  }
  return layout;
}
