import { describe, expect, it } from 'vitest';
import {
  buildOle,
  buildWorkbook,
  editZip,
  PNG_BYTES,
  writeZip,
} from '../../tests/fixtures/hostile/build-files';
import { sniffFormat } from './sniff';

const rows = [
  ['Code', 'Libellé', 'Prévisions'],
  ['70', 'Impôts', 1000],
];
const xlsx = buildWorkbook({ RECETTE: rows });

describe('sniffFormat', () => {
  it.each([
    ['xlsx', xlsx, 'budget.csv'],
    [
      'xlsm',
      editZip(xlsx, () => undefined, [{ name: 'xl/vbaProject.bin', data: 'VBA' }]),
      'a.xlsx',
    ],
    ['ods', buildWorkbook({ RECETTE: rows }, 'ods'), 'a.xlsx'],
    ['xls', buildWorkbook({ RECETTE: rows }, 'biff8'), 'a.xlsx'],
    ['xls', buildWorkbook({ RECETTE: rows }, 'biff5'), 'a.xls'],
    ['xls', buildWorkbook({ RECETTE: rows }, 'biff2'), 'a.xls'],
    ['csv', new TextEncoder().encode('Code;Libellé\n70;Impôts\n'), 'a.xls'],
    ['csv', new Uint8Array(Buffer.from('\ufeffCode,Label\n70,Tax\n', 'utf16le')), 'a.txt'],
  ])('recognises %s from the bytes, whatever the name (%#)', (format, bytes, name) => {
    expect(sniffFormat(bytes, name)).toEqual({ ok: true, format });
  });

  it.each([
    ['empty-file', new Uint8Array(0), /est vide \(0 octet\)/],
    ['not-a-spreadsheet', PNG_BYTES, /c'est une image PNG/],
    ['not-a-spreadsheet', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /image JPEG/],
    ['not-a-spreadsheet', new TextEncoder().encode('GIF89a\u0001\u0000'), /image GIF/],
    ['not-a-spreadsheet', new TextEncoder().encode('%PDF-1.7\n%\u00e2'), /document PDF/],
    ['not-a-spreadsheet', writeZip([{ name: 'word/document.xml', data: '<w/>' }]), /document Word/],
    ['not-a-spreadsheet', writeZip([{ name: 'notes.txt', data: 'hello' }]), /archive zip/],
    ['not-a-spreadsheet', new Uint8Array(256).map((_, i) => (i * 7) % 32), /fichier binaire/],
    ['password-protected', buildOle(['EncryptionInfo', 'EncryptedPackage']), /mot de passe/],
    ['not-a-spreadsheet', buildOle(['WordDocument']), /document Word/],
    ['zip-truncated', xlsx.subarray(0, Math.floor(xlsx.length / 2)), /abîmé ou incomplet/],
  ])('refuses with %s and a message naming the file (%#)', (code, bytes, message) => {
    const sniffed = sniffFormat(bytes, 'budget.xlsx');
    expect(sniffed.ok).toBe(false);
    if (sniffed.ok) return;
    expect(sniffed.issue.code).toBe(code);
    expect(sniffed.issue.file).toBe('budget.xlsx');
    expect(sniffed.issue.message).toMatch(message);
    expect(sniffed.issue.message).toContain('« budget.xlsx »');
  });

  it('refuses a zip declaring more entries than the limit before reading their names', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `xl/f${i}.xml`, data: 'x' }));
    const sniffed = sniffFormat(writeZip(entries), 'many.xlsx', 20);
    expect(!sniffed.ok && sniffed.issue.code).toBe('zip-too-many-entries');
  });

  it('reads text with a few NUL bytes as text, not as binary', () => {
    const bytes = new TextEncoder().encode('Code,Label\n70,Tax\u0000es\n71,Fees\n');
    expect(sniffFormat(bytes, 'a.csv')).toEqual({ ok: true, format: 'csv' });
  });
});
