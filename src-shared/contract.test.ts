import { describe, expect, it } from 'vitest';
import { contract, ImportOptions, isCallName } from './contract';

describe('the call contract', () => {
  it('accepts the options a user gives on the command line', () => {
    const parsed = ImportOptions.safeParse({ map: { code: 'A', label: 'Libellé' }, year: 2019 });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a map of more than 40 fields', { map: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, 'A'])) }], // prettier-ignore
    ['a mapping template over a megabyte', { mapping: { fields: { label: 'x'.repeat(1024 * 1024) } } }], // prettier-ignore
    ['a currency that is not an ISO code', { currency: 'francs' }],
  ])('refuses %s', (_what, options) => {
    expect(ImportOptions.safeParse(options).success).toBe(false);
  });

  it('knows its own call names and no inherited ones', () => {
    expect(isCallName('budgets.list')).toBe(true);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName('constructor')).toBe(false);
    expect(Object.keys(contract).length).toBeGreaterThan(8);
  });
});
