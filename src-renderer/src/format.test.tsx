import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, visibleText } from './format';

// Intl puts narrow no-break spaces between thousands in French; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ');

describe('formatMoney', () => {
  it('writes francs guinéens with spaces between thousands in French', () => {
    expect(plain(formatMoney(52_393_467_652, 'GNF', 0, 'fr'))).toBe('52 393 467 652 GNF');
  });

  it('writes minor units with their decimals', () => {
    expect(plain(formatMoney(123_456, 'EUR', 2, 'en'))).toBe('EUR 1,234.56');
  });

  it('shows a dash for a figure the file does not have', () => {
    expect(formatMoney(null, 'GNF', 0, 'fr')).toBe('—');
  });
});

describe('formatPercent', () => {
  it.each([
    [63.5, 'fr', '63,5 %'],
    [112, 'en', '112%'],
    [null, 'fr', '—'],
  ] as const)('writes %s in %s as %s', (rate, lang, expected) => {
    expect(plain(formatPercent(rate, lang))).toBe(expected);
  });
});

describe('visibleText', () => {
  it('spells out a right-to-left override', () => {
    expect(visibleText('\u202Etnemyap')).toBe('⟨U+202E⟩tnemyap');
  });

  it('spells out zero-width characters and leaves accents alone', () => {
    expect(visibleText('Dépenses\u200B 60\uFEFF')).toBe('Dépenses⟨U+200B⟩ 60⟨U+FEFF⟩');
  });
});
