import { describe, expect, it } from 'vitest';
import { foldInFull, normaliseHeader, normalisesTo } from './normalise-header';
import { seededUint32 } from '../../tests/seeded-random';

// Letters, accents (precomposed and combining), the signs the chain treats apart, spaces and
// punctuation of French, English and Czech budget headers.
const ALPHABET = [
  ...'aAbBnNoOeEzZ019 ,.;:-_/\'’"%°º()[]\t',
  ...'éÉèàÀçÇñÑôÖüÜœŒßæøłŁčČřŘšŠžŽěĚůŮ',
  '\u0301',
  '\u0303',
  '\u00a0',
  '\u202f',
  'İ',
  'ǅ',
  'Σ',
  'ﬁ',
  '€',
  '\ud83d\udcb0',
];

function randomText(seed: number): string {
  const next = seededUint32(seed);
  const length = next() % 24;
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[next() % ALPHABET.length];
  return text;
}

describe('normaliseHeader', () => {
  it.each([
    ['PRÉVISIONS DÉFINITIVES (1)', 'previsions definitives'],
    ["Taux d'exécution (%)", 'taux d execution'],
    ['TAUX D’EXECUTION %', 'taux d execution %'],
    ['Fournitures de la voirie n° 12', 'fournitures de la voirie numero 12'],
    ['Nº compte', 'numero compte'],
    ['10%', '10 %'],
    ['  Réalisations  ', 'realisations'],
    ['Příjmy celkem', 'prijmy celkem'],
    ['494 117 000', '494 117 000'],
    ['', ''],
  ])('reduces %j to %j', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });

  it('gives what the chain of regular expressions gives, on twenty thousand random texts', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = randomText(seed);
      expect(normaliseHeader(text), JSON.stringify(text)).toBe(foldInFull(text));
    }
  });

  it('tells whether a text normalises to a header text, as comparing the two would', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = randomText(seed);
      const full = foldInFull(text);
      // The text's own form, its prefixes and extensions, and another text's form.
      const targets = [full, full.slice(0, -1), `${full} a`, foldInFull(randomText(seed + 7))];
      for (const target of targets) {
        expect(normalisesTo(text, target), JSON.stringify([text, target])).toBe(full === target);
      }
    }
  });
});
