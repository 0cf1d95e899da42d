import { describe, expect, it } from 'vitest';
import type { Flag } from '../model';
import { detectFlags, runRules } from './detect-flags';
import { makeBudget, makeLine } from './fixtures/build';
import { plantedBudget } from './fixtures/planted-budget';
import { RULE_IDS } from './rules/registry';
import { DEFAULT_RULE_SETTINGS, hashSettings } from './rules/settings';

describe('detectFlags on the planted budget', () => {
  const { budget, lines, planted, plantedWide, cleanIds } = plantedBudget();
  const run = runRules(budget, lines, {}, 'fr');
  const lineFlags = run.flags.filter((f) => f.lineId !== null);
  const byId = new Map(lines.map((line) => [line.id, line]));
  /** A line flag names its line; a budget-wide one lists the line's cell with its sheet. */
  const covers = (flag: Flag, lineId: number) => {
    const line = byId.get(lineId);
    const cell = line?.cells.ordered ?? line?.cells.assessed;
    return flag.lineId === lineId || flag.cells.includes(`'${line?.sheet}'!${cell}`);
  };

  it('plants at least two anomalies of every rule that judges one budget', () => {
    const counts = new Map<string, number>(Object.entries(plantedWide));
    for (const rules of planted.values())
      for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    const oneYearRules = RULE_IDS.filter((id) => !id.startsWith('benford'));
    for (const id of oneYearRules)
      expect([id, counts.get(id) ?? 0]).toEqual([id, expect.any(Number)]);
    expect(oneYearRules.filter((id) => (counts.get(id) ?? 0) < 2)).toEqual([]);
  });

  it('flags every planted anomaly on its line or its cell', () => {
    const missing: string[] = [];
    for (const [lineId, rules] of planted) {
      for (const rule of rules) {
        if (!run.flags.some((f) => f.rule === rule && covers(f, lineId)))
          missing.push(`${rule} #${lineId}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('puts no flag on a clean line, and no unexpected flag on a planted one', () => {
    const unexpected = lineFlags.filter(
      (f) => !(planted.get(f.lineId as number) ?? []).includes(f.rule),
    );
    expect(unexpected.map((f) => `${f.rule} ${f.code} ${f.message}`)).toEqual([]);
    expect(lineFlags.some((f) => cleanIds.has(f.lineId as number))).toBe(false);
  });

  it('finds the planted budget-wide anomalies and says the sample is too small for Benford', () => {
    const wide = new Map<string, number>();
    for (const f of run.flags.filter((f) => f.lineId === null))
      wide.set(f.rule, (wide.get(f.rule) ?? 0) + 1);
    expect(Object.fromEntries(wide)).toEqual({
      ...plantedWide,
      'benford-first-digit': 1,
      'benford-first-two-digits': 1,
    });
    const benford = run.flags.filter((f) => f.rule.startsWith('benford'));
    expect(benford.map((f) => [f.severity, f.values.verdict])).toEqual([
      ['info', 'sample-too-small'],
      ['info', 'sample-too-small'],
    ]);
  });

  it('points repeated amounts to every line that carries them', () => {
    const repeated = run.flags.filter((f) => f.rule === 'repeated-amount');
    const ids = repeated.flatMap((f) => String(f.values.lineIds).split(',').map(Number));
    const plantedIds = [...planted]
      .filter(([, rules]) => rules.includes('repeated-amount'))
      .map(([id]) => id);
    expect(ids.sort()).toEqual(plantedIds.sort());
    expect(repeated[0]?.cells).toHaveLength(3);
  });

  it('writes the figures into the message and points to the cells behind them', () => {
    const flag = run.flags.find((f) => f.rule === 'over-execution' && f.code === '6071') as Flag;
    expect(flag.message.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Ligne 6071 Carburant (DEP_FONCT, rang 18) : 12 400 000 GNF mandatés pour 10 000 000 GNF prévus (124 %), 2 400 000 GNF au-delà des crédits.',
    );
    expect(flag.cells).toEqual([`H${flag.row}`, `D${flag.row}`]);
    expect(flag.values).toMatchObject({
      executedMinor: 12_400_000,
      forecastMinor: 10_000_000,
      executedPhase: 'ordered',
    });
  });

  it('returns the settings used with their hash, also carried by every flag', () => {
    expect(run.settings).toEqual(DEFAULT_RULE_SETTINGS);
    expect(run.settingsHash).toBe(hashSettings(DEFAULT_RULE_SETTINGS));
    expect(run.flags.every((f) => f.values.settingsHash === run.settingsHash)).toBe(true);
    expect(runRules(budget, lines, { lowExecutionPercent: 40 }).settingsHash).not.toBe(
      run.settingsHash,
    );
  });

  it('speaks English on request', () => {
    const english = detectFlags(budget, lines, {}, 'en').find((f) => f.rule === 'over-execution');
    expect(english?.message).toContain('ordered for payment against');
  });
});

describe('detectFlags on a register of payment orders', () => {
  const register = (amounts: number[]) =>
    amounts.map((ordered, k) =>
      makeLine({
        sheet: 'MANDATS',
        row: k + 2,
        code: `6${String(k).padStart(5, '0')}`,
        chapter: '60',
        amounts: { revised: ordered, ordered },
      }),
    );
  const benford = (amounts: number[]) =>
    detectFlags(makeBudget(), register(amounts)).filter((f) => f.rule.startsWith('benford'));

  it('finds amounts that all start with 5 to 9 nonconforming on both digit tests', () => {
    const amounts = Array.from({ length: 400 }, (_, k) => (5 + (k % 5)) * 1_000_000 + k * 137 + 11);
    expect(benford(amounts).map((f) => [f.rule, f.severity, f.values.verdict])).toEqual([
      ['benford-first-digit', 'warning', 'nonconforming'],
      ['benford-first-two-digits', 'warning', 'nonconforming'],
    ]);
  });

  it('draws no Benford flag from amounts spread evenly over three decades', () => {
    const amounts = Array.from(
      { length: 3000 },
      (_, k) => Math.round(100_000 * 10 ** (k / 1000)) + 7,
    );
    expect(benford(amounts)).toEqual([]);
  });
});

describe('detectFlags on a side with no execution figure', () => {
  it('draws no execution flag on revenue lines of a sheet where only expenditure was executed', () => {
    const sheet = 'BUDGET';
    const lines = [
      makeLine({
        sheet,
        direction: 'expenditure',
        code: '601',
        amounts: { revised: 900, ordered: 850 },
      }),
      makeLine({ sheet, direction: 'expenditure', code: '602', amounts: { revised: 500 } }),
      makeLine({ sheet, direction: 'revenue', code: '701', amounts: { revised: 1000 } }),
      makeLine({ sheet, direction: 'revenue', code: '702', amounts: { revised: 400 } }),
    ];
    const rules = detectFlags(makeBudget(), lines).map((f) => [f.rule, f.code]);
    expect(rules.filter(([rule]) => !String(rule).startsWith('benford'))).toEqual([
      ['zero-execution', '602'],
    ]);
  });
});

describe('detectFlags on lines named by a key', () => {
  const line = (code: string, fund: string, row: number) =>
    makeLine({
      sheet: 'DETAIL',
      row,
      code,
      label: 'OTHER EQUIPMENT',
      amounts: { revised: 1000 + row },
      keyValues: { Fund: fund, Account: code },
    });

  it('draws no duplicate-line flag on one account under two funds', () => {
    const flags = detectFlags(makeBudget(), [
      line('53040031', '010', 2),
      line('53040031', '060', 3),
    ]);
    expect(flags.filter((f) => f.rule === 'duplicate-line')).toEqual([]);
  });

  it('flags one account entered twice under the same fund', () => {
    const flags = detectFlags(makeBudget(), [
      line('53040031', '010', 2),
      line('53040031', '010', 3),
    ]);
    expect(flags.filter((f) => f.rule === 'duplicate-line').map((f) => f.row)).toEqual([3]);
  });
});

describe('flag messages', () => {
  const subtotal = (label: string) => [
    makeLine({
      sheet: 'D',
      row: 2,
      code: '611',
      chapter: '61',
      amounts: { revised: 100, ordered: 100 },
    }),
    makeLine({
      sheet: 'D',
      row: 3,
      kind: 'subtotal',
      code: '61',
      chapter: '61',
      label,
      amounts: { revised: 150, ordered: 100 },
    }),
  ];
  const messageOf = (label: string, lang: 'fr' | 'en') =>
    detectFlags(makeBudget(), subtotal(label), {}, lang).find((f) => f.rule === 'subtotal-mismatch')?.message; // prettier-ignore

  it.each([
    [
      'Sous-total chapitre 61',
      'fr',
      /^61 Sous-total chapitre 61 \(D, rang 3\).* sa seule ligne donne/,
    ],
    ['Services extérieurs', 'fr', /^Sous-total 61 Services extérieurs \(D, rang 3\)/],
    ['Subtotal chapter 61', 'en', /^61 Subtotal chapter 61 \(D, row 3\).* its only line adds up/],
  ] as const)(
    'names the subtotal %s without doubling its kind word (%s)',
    (label, lang, expected) => {
      expect(messageOf(label, lang)).toMatch(expected);
    },
  );

  it('says "1 montant" and "1 amount", not "1 montants"', () => {
    const one = [makeLine({ code: '601', amounts: { revised: 100, ordered: 4321 } })];
    const fr = detectFlags(makeBudget(), one, {}, 'fr').find(
      (f) => f.rule === 'benford-first-digit',
    );
    const en = detectFlags(makeBudget(), one, {}, 'en').find(
      (f) => f.rule === 'benford-first-digit',
    );
    expect(fr?.message).toContain(': 1 montant, moins de');
    expect(en?.message).toContain(': 1 amount, fewer than');
  });
});
