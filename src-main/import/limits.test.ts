import { describe, expect, it } from 'vitest';
import { buildWorkbook, deflatedZeros, writeZip } from '../../tests/fixtures/hostile/build-files';
import { checkZip, DEFAULT_LIMITS, formatBytes, resolveLimits } from './limits';

const limits = resolveLimits();

function refusal(bytes: Uint8Array, overrides = {}) {
  const startedMs = Date.now();
  const checked = checkZip(bytes, 'bomb.xlsx', resolveLimits(overrides));
  const elapsedMs = Date.now() - startedMs;
  if (checked.ok) throw new Error('expected the zip to be refused');
  return { issue: checked.issue, elapsedMs };
}

describe('checkZip', () => {
  it('accepts a real workbook and sees each of its entries inflated', () => {
    const seen: string[] = [];
    const checked = checkZip(buildWorkbook({ S: [['a', 1]] }), 'ok.xlsx', limits, (entry) => {
      seen.push(entry.name);
    });
    expect(checked.ok).toBe(true);
    expect(seen).toContain('xl/workbook.xml');
  });

  it('refuses a zip bomb whose headers state its real size, without inflating it', () => {
    const bomb = writeZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: deflatedZeros(1100),
        deflated: true,
        declaredSize: 1100 * 1024 * 1024,
      },
    ]);
    const { issue, elapsedMs } = refusal(bomb);
    expect(issue.code).toBe('zip-too-large');
    expect(issue.message).toMatch(
      /« bomb.xlsx » ferait 1,1 Go une fois décompressé ; la limite est de 1,0 Go/,
    );
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('refuses a zip bomb whose headers lie about its size, in under a second', () => {
    const bomb = writeZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: deflatedZeros(1100),
        deflated: true,
        declaredSize: 4096,
      },
    ]);
    const { issue, elapsedMs } = refusal(bomb);
    expect(issue.code).toBe('zip-size-lie');
    expect(issue.message).toContain('xl/worksheets/sheet1.xml');
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('refuses a zip with more entries than the limit', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: 'x' }));
    expect(refusal(writeZip(entries), { maxZipEntries: 20 }).issue.code).toBe(
      'zip-too-many-entries',
    );
  });

  it.each([
    ['the end cut off', (zip: Uint8Array) => zip.subarray(0, zip.length - 30)],
    [
      'the middle cut out',
      (zip: Uint8Array) => new Uint8Array([...zip.subarray(0, 40), ...zip.subarray(400)]),
    ],
  ])('refuses a truncated zip (%s) with a clear message', (_, cut) => {
    const { issue } = refusal(cut(buildWorkbook({ S: [['a', 1]] })));
    expect(issue.code).toMatch(/^zip-(truncated|corrupt)$/);
    expect(issue.message).toMatch(/« bomb.xlsx » est abîmé/);
  });
});

describe('resolveLimits', () => {
  it('keeps the defaults for what is not given', () => {
    expect(resolveLimits({ maxRows: 10 })).toEqual({ ...DEFAULT_LIMITS, maxRows: 10 });
  });

  it.each([0, -1, Number.NaN])('throws on a limit of %s, a programmer error', (value) => {
    expect(() => resolveLimits({ maxCells: value })).toThrow(RangeError);
  });

  it.each([
    [0, '0 octet'],
    [512, '512 octets'],
    [1536, '1,5 Ko'],
    [200 * 1024 * 1024, '200 Mo'],
  ])('writes %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
