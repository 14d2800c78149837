import { computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BOOKING_TEXTS, BookingText } from '../../features/booking/booking-text';
import { EN } from './dictionary-en';
import { IT } from './dictionary-it';
import { greetingKey, partOfDay } from '../../features/staff/greeting';
import { I18n, interpolate, LANGUAGE_STORAGE_KEY, pluralCategory } from './i18n';

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  function create(): I18n {
    TestBed.resetTestingModule();
    return TestBed.inject(I18n);
  }

  it('starts in Italian and sets <html lang="it">', () => {
    const i18n = create();
    expect(i18n.lang()).toBe('it');
    expect(i18n.locale()).toBe('it-IT');
    expect(document.documentElement.lang).toBe('it');
    expect(i18n.t('service.book')).toBe('Prenota');
  });

  it('switches to English, updates <html lang> and remembers the choice', () => {
    const i18n = create();
    i18n.setLanguage('en');
    expect(i18n.lang()).toBe('en');
    expect(i18n.locale()).toBe('en-GB');
    expect(i18n.t('service.book')).toBe('Book');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the stored language on the next visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = create();
    expect(i18n.lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(create().lang()).toBe('it');
  });

  it('keeps working when storage throws', () => {
    const spy = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('denied');
    });
    const i18n = create();
    expect(() => i18n.setLanguage('en')).not.toThrow();
    expect(i18n.lang()).toBe('en');
    spy.mockRestore();
  });

  it('fills placeholders', () => {
    const i18n = create();
    expect(i18n.t('service.minutes.other', { count: 30 })).toBe('30 minuti');
    i18n.setLanguage('en');
    expect(i18n.t('steps.position', { current: 3, total: 6 })).toBe('Step 3 of 6');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('chooses singular or plural forms', () => {
    const i18n = create();
    expect(i18n.plural('slot.remaining', 1)).toBe('1 posto libero');
    expect(i18n.plural('slot.remaining', 3)).toBe('3 posti liberi');
    i18n.setLanguage('en');
    expect(i18n.plural('slot.remaining', 1)).toBe('1 place left');
    expect(i18n.plural('slot.remaining', 0)).toBe('0 places left');
  });

  it('picks the active language from api texts, with a fallback', () => {
    const i18n = create();
    const text = { it: 'Gratuito', en: 'Free' };
    expect(i18n.pick(text, '?')).toBe('Gratuito');
    i18n.setLanguage('en');
    expect(i18n.pick(text, '?')).toBe('Free');
    expect(i18n.pick(null, 'fallback')).toBe('fallback');
  });

  it('is reactive: computed texts follow the language', () => {
    const i18n = create();
    const label = computed(() => i18n.t('calendar.next'));
    expect(label()).toBe('Mese successivo');
    i18n.setLanguage('en');
    expect(label()).toBe('Next month');
  });

  it('has the same non-empty keys and placeholders in both dictionaries', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(IT).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(IT) as (keyof typeof IT)[]) {
      expect(IT[key].trim()).not.toBe('');
      expect(EN[key].trim()).not.toBe('');
      expect({ key, placeholders: placeholders(EN[key]) }).toEqual({ key, placeholders: placeholders(IT[key]) });
    }
  });
});

describe('plural rules and greetings', () => {
  it('the hand-written plural categories of it-IT and en-GB agree with Intl.PluralRules', () => {
    const counts = [...Array.from({ length: 2100 }, (_, i) => i), 1_000_000, 2_000_000, 1_000_001, 10_000_000];
    for (const locale of ['it-IT', 'en-GB']) {
      const rules = new Intl.PluralRules(locale);
      for (const count of counts) expect({ locale, count, category: pluralCategory(count, locale) }).toEqual({ locale, count, category: rules.select(count) });
    }
  });

  it('counts read right in both languages: singular for one, plural otherwise', () => {
    TestBed.resetTestingModule();
    const i18n = TestBed.inject(I18n);
    expect(i18n.plural('service.minutes', 1)).toBe('1 minuto');
    expect(i18n.plural('service.minutes', 30)).toBe('30 minuti');
    expect(i18n.plural('applicant.notesLeft', 1, { max: 200 })).toBe('Puoi scrivere ancora 1 carattere (massimo 200).');
    expect(TestBed.inject(BookingText).plural('summary.cutoffInside', 1)).toContain('a meno di 1 ora');
    i18n.setLanguage('en');
    expect(i18n.plural('service.minutes', 1)).toBe('1 minute');
    expect(i18n.plural('slot.remaining', 0)).toBe('0 places left');
  });

  it('every plural text has both forms with {count} in each language', () => {
    for (const dictionary of [IT, EN, BOOKING_TEXTS.it, BOOKING_TEXTS.en] as Array<Record<string, string>>) {
      for (const key of Object.keys(dictionary).filter((k) => k.endsWith('.one'))) {
        const stem = key.slice(0, -4);
        expect(dictionary[`${stem}.other`]).toContain('{count}');
      }
    }
  });

  it('greets by the time of day in Rome', () => {
    expect(partOfDay(8)).toBe('morning');
    expect(partOfDay(13)).toBe('afternoon');
    expect(partOfDay(18)).toBe('evening');
    expect(partOfDay(2)).toBe('evening');
    // 12:30 UTC is 14:30 in Rome in summer, 13:30 in winter.
    expect(greetingKey(new Date('2027-07-01T12:30:00Z'))).toBe('staff.greeting.afternoon');
    expect(greetingKey(new Date('2027-01-10T07:00:00Z'))).toBe('staff.greeting.morning');
    expect(greetingKey(new Date('2027-01-10T19:00:00Z'))).toBe('staff.greeting.evening');
  });
});
