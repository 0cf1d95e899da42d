import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';
import { repairGarbledUtf8, scoreLetters } from './text-repair';

const windows1252 = (text: string) =>
  new Uint8Array([...text].map((char) => (char === '’' ? 0x92 : char.charCodeAt(0))));
const MAC_ROMAN: Record<string, number> = {
  é: 0x8e,
  è: 0x8f,
  à: 0x88,
  ç: 0x8d,
  ô: 0x99,
  ê: 0x90,
  Ã: 0xcc,
  '©': 0xa9,
};
const macRoman = (text: string) =>
  new Uint8Array([...text].map((char) => MAC_ROMAN[char] ?? char.charCodeAt(0)));

describe('decodeText', () => {
  it.each([
    ['UTF-8 without BOM', new TextEncoder().encode('São;Série\n'), 'utf-8', 'São;Série\n'],
    [
      'UTF-8 with BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Été')]),
      'utf-8',
      'Été',
    ],
    [
      'UTF-16LE with BOM',
      new Uint8Array(Buffer.from('\ufeffCrédits', 'utf16le')),
      'utf-16le',
      'Crédits',
    ],
    [
      'UTF-16BE with BOM',
      new Uint8Array(Buffer.from('\ufeffCrédits', 'utf16le').swap16()),
      'utf-16be',
      'Crédits',
    ],
    [
      'UTF-16LE without BOM',
      new Uint8Array(Buffer.from('Code,Libellé\n70,Impôts\n', 'utf16le')),
      'utf-16le',
      'Code,Libellé\n70,Impôts\n',
    ],
    [
      'Windows-1252',
      windows1252('Especificação;Previsão;Arrecadação;Período\n'),
      'windows-1252',
      'Especificação;Previsão;Arrecadação;Período\n',
    ],
    [
      'Mac Roman',
      macRoman('Dépenses;Intérêts;Dotation générale à répartir;Crédits votés\n'),
      'macintosh',
      'Dépenses;Intérêts;Dotation générale à répartir;Crédits votés\n',
    ],
  ])('reads %s', (_, bytes, encoding, text) => {
    const decoded = decodeText(bytes, 'f.csv');
    expect(decoded.ok && [decoded.encoding, decoded.text]).toEqual([encoding, text]);
  });

  it('reads a UTF-8 file with one stray Windows-1252 byte and notes it', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Kirinyaga,Café\nMurang'),
      0x92,
      ...new TextEncoder().encode('a,1\n'),
    ]);
    const decoded = decodeText(bytes, 'ke.csv');
    expect(decoded.ok && [decoded.encoding, decoded.text]).toEqual([
      'utf-8',
      'Kirinyaga,Café\nMurang’a,1\n',
    ]);
    expect(decoded.ok && decoded.notes.map((note) => note.code)).toEqual(['stray-bytes']);
  });

  it('repairs UTF-8 that was garbled once into Mac Roman, with a note', () => {
    const decoded = decodeText(
      macRoman('Ressources transfÃ©rÃ©s;bureau de maÃ©tre;Dépenses\n'),
      'cm.csv',
    );
    expect(decoded.ok && [decoded.encoding, decoded.text]).toEqual([
      'macintosh',
      'Ressources transférés;bureau de maétre;Dépenses\n',
    ]);
    expect(decoded.ok && decoded.notes.map((note) => note.code)).toContain('garbled-text-repaired');
  });

  it('uses a forced encoding as it is', () => {
    const decoded = decodeText(new TextEncoder().encode('Série'), 'f.csv', 'windows-1252');
    expect(decoded.ok && [decoded.encoding, decoded.text]).toEqual(['windows-1252', 'SÃ©rie']);
  });

  it('refuses an unknown forced encoding with a clear message', () => {
    const decoded = decodeText(new Uint8Array([0x41]), 'f.csv', 'klingon-8');
    expect(!decoded.ok && decoded.issue.code).toBe('unknown-encoding');
  });
});

describe('repairGarbledUtf8', () => {
  it.each([
    ['SÃ©rie', 'Série', 1],
    ['Ã‰tÃ© et hiver', 'Été et hiver', 1],
    ['NÃO', 'NÃO', 0],
    ['São Paulo', 'São Paulo', 0],
    ['Crédit', 'Crédit', 0],
  ])('turns %s into %s', (garbled, text, count) => {
    expect(repairGarbledUtf8(garbled)).toEqual({ text, count });
  });
});

describe('scoreLetters', () => {
  it('scores accented letters inside words above symbols', () => {
    expect(scoreLetters('Especificação')).toBeGreaterThan(scoreLetters('EspecificaÁ„o'));
  });
});
