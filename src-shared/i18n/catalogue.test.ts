import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { isMessageKey, translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it.each(Object.keys(fr) as (keyof typeof fr)[])('give %s the same placeholders', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(fr[key]));
  });

  it('have no empty message', () => {
    for (const text of [...Object.values(fr), ...Object.values(en)])
      expect(text.trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('fills the placeholders it is given', () => {
    expect(translate('fr', 'flags.location', { sheet: 'DEPENSES', row: 14 })).toBe(
      'Feuille DEPENSES, ligne 14',
    );
  });

  it('leaves a placeholder with no value visible', () => {
    expect(translate('en', 'flags.location', { sheet: 'A' })).toBe('Sheet A, row {row}');
  });

  it('does not treat inherited names as keys', () => {
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('nav.lines')).toBe(true);
  });
});
