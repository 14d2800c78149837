import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

const start = (): void => void bootstrapApplication(App, appConfig).catch((err) => console.error(err));

// A waiting-room screen is opened straight at its address (a TV): its lazy code is fetched
// while the app starts instead of after, and the router then finds it loaded.
if (location.pathname.startsWith('/display/')) void import('./app/features/frontdesk/display/display');

// Start once the browser has painted index.html's static first screen: the app's start-up
// is one long task, and the paint must not wait behind it. (rAF does not run in a hidden
// tab, where there is nothing to paint anyway.)
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start));
else start();
