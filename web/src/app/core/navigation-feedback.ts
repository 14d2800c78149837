import { Injectable, signal } from '@angular/core';

/**
 * Whether a navigation has been going for longer than NAVIGATION_FEEDBACK_MS: the app sets
 * it (app.ts); the site frame and the staff shell each show a spinner in their <main>.
 */
@Injectable({ providedIn: 'root' })
export class NavigationFeedback {
  readonly navigating = signal(false);
}
