import { languageFromHeader } from './language';

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'it'],
    ['', 'it'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['fr-FR,fr;q=0.9,en;q=0.8,it;q=0.7', 'en'],
    ['de', 'it'],
    ['it;q=0.2, en;q=0.5', 'en'],
    ['en;q=0', 'it'],
    [['en-US', 'it'], 'en'],
  ])('%j → %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});
