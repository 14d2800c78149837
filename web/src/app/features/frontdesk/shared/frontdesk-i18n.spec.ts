import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { FRONTDESK_EN } from './dictionary-en';
import { FRONTDESK_IT } from './dictionary-it';
import { FrontDeskI18n } from './frontdesk-i18n';

describe('FrontDeskI18n (the front-desk pages’ own dictionaries)', () => {
  beforeEach(() => localStorage.clear());

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(FRONTDESK_EN).sort()).toEqual(Object.keys(FRONTDESK_IT).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, it] of Object.entries(FRONTDESK_IT)) {
      const en = FRONTDESK_EN[key as keyof typeof FRONTDESK_IT];
      expect(en.trim()).not.toBe('');
      expect([key, placeholders(en)]).toEqual([key, placeholders(it)]);
    }
  });

  it('follows the app’s language, falls back on the app’s keys, and picks plural forms', () => {
    const i18n = TestBed.inject(FrontDeskI18n);
    expect(i18n.t('desk.callNext')).toBe('Chiama il prossimo');
    expect(i18n.t('common.retry')).toBe('Riprova');
    expect(i18n.plural('ticket.ahead', 1)).toBe('C’è 1 persona prima di te');
    expect(i18n.plural('ticket.ahead', 3)).toBe('Ci sono 3 persone prima di te');
    TestBed.inject(I18n).setLanguage('en');
    expect(i18n.t('desk.callNext')).toBe('Call next');
    expect(i18n.t('common.retry')).toBe('Try again');
    expect(i18n.plural('display.waiting', 2)).toBe('2 people waiting');
  });
});
