import { translate } from './messages';

describe('translate', () => {
  it('answers in both languages and fills parameters', () => {
    expect(translate('range.tooLong', 'it', { max: 93 })).toBe("L'intervallo può coprire al massimo 93 giorni.");
    expect(translate('range.tooLong', 'en', { max: 93 })).toBe('The range can cover at most 93 days.');
  });
});
