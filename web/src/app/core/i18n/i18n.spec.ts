import { computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EN } from './dictionary-en';
import { IT } from './dictionary-it';
import { I18n, interpolate, LANGUAGE_STORAGE_KEY } from './i18n';

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
    expect(i18n.t('service.minutes', { count: 30 })).toBe('30 minuti');
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
