import { ADMIN_EN } from './admin-dictionary-en';
import { ADMIN_IT } from './admin-dictionary-it';

describe('admin dictionaries', () => {
  it('have the same keys, no empty text, and the same placeholders in both languages', () => {
    expect(Object.keys(ADMIN_EN).sort()).toEqual(Object.keys(ADMIN_IT).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, it] of Object.entries(ADMIN_IT)) {
      const en = ADMIN_EN[key as keyof typeof ADMIN_IT];
      expect(it.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect({ key, placeholders: placeholders(en) }).toEqual({ key, placeholders: placeholders(it) });
    }
  });
});
