import { describe, expect, it } from 'vitest';
import { pickLongBudget, type LongRowFacts } from './long-budgets';

const row = (entity: string | null, year: number | null, phase: LongRowFacts['phase']) => ({
  entity,
  year,
  phase,
});

// A: actuals for 2012, a revision for 2015; B: forecast and actuals for 2015, a forecast for 2016.
const rows = [
  row('A', 2012, 'executed'),
  row('A', 2015, 'revised'),
  row('B', 2015, 'original'),
  row('B', 2015, 'executed'),
  row('B', 2016, 'original'),
];

describe('pickLongBudget', () => {
  it.each([
    ['nothing asked', { entity: null, year: null }, { entity: 'B', year: 2015 }],
    ['the entity A', { entity: 'a', year: null }, { entity: 'A', year: 2015 }],
    ['the year 2016', { entity: null, year: 2016 }, { entity: 'B', year: 2016 }],
    ['an entity the file lacks', { entity: 'Z', year: null }, { entity: 'B', year: 2015 }],
  ])('reads the budget it can compare, or the one asked: %s', (_, asked, expected) => {
    expect(pickLongBudget(rows, asked)).toEqual(expected);
  });

  it('filters nothing when the file holds one entity and one year', () => {
    const one = [row('A', 2015, 'original'), row('A', 2015, 'executed')];
    expect(pickLongBudget(one, { entity: null, year: null })).toBeNull();
  });

  it('takes the latest year of the first entity when no year has both kinds of figure', () => {
    const forecasts = [row('A', 2015, 'original'), row('A', 2016, 'original'), row('B', 2017, 'original')]; // prettier-ignore
    expect(pickLongBudget(forecasts, { entity: null, year: null })).toEqual({ entity: 'A', year: 2016 }); // prettier-ignore
  });
});
