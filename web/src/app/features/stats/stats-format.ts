/** Number, minute, date and month formats of the statistics page (Intl, the page's locale). */

const numberFormats = new Map<string, Intl.NumberFormat>();
/** ES2023's string value of useGrouping, which the TypeScript lib in use does not know yet. */
const ALWAYS_GROUP = { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    // 'always': Italian leaves four-digit numbers ungrouped by default (1605), but the
    // comune writes 1.605 — as the page should.
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, ...ALWAYS_GROUP });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** 13355 → "13.355" (it) / "13,355" (en). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}

/** Minutes with at most one decimal: 11.3 → "11,3" (it). */
export function formatMinutes(value: number, locale: string): string {
  return numberFormat(locale, 1).format(value);
}

/** "2019-06-01" → "1 giugno 2019". */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2019-06" → "giugno 2019". */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2019-06" → "giu 2019", for chart axes. */
export function formatShortMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat(locale, { month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * Shading of a heat-map cell: six steps from white to dark blue, each with a text colour
 * that keeps at least 4.5:1 contrast (WCAG AA).
 */
export const HEAT_LEVELS: ReadonlyArray<{ background: string; color: string }> = [
  { background: '#ffffff', color: '#1a1a1a' },
  { background: '#e3eef9', color: '#1a1a1a' },
  { background: '#b8d4f0', color: '#1a1a1a' },
  { background: '#7fb0e3', color: '#1a1a1a' },
  { background: '#0066cc', color: '#ffffff' },
  { background: '#004080', color: '#ffffff' },
];

/** The step of a count: 0 for nothing, else 1–5 in proportion to the largest cell. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((count / max) * 5)));
}
