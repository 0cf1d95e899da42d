import type { Summary } from '../../../src-shared/analysis/summary-model';
import { formatInteger, formatMoney } from '../format';
import { useLanguage } from '../shell/language';

const SIDES = ['revenue', 'expenditure'] as const;

/**
 * What the totals leave out: lines on rows the file hides. A treasurer who hid a row may have
 * meant it, but the room should see that it exists and what it holds.
 */
export function HiddenExcluded({ summary }: { summary: Summary }) {
  const { t, lang } = useLanguage();
  const { hiddenExcluded: hidden, budget } = summary;
  if (hidden.lines === 0) return null;
  const money = (minor: number) =>
    formatMoney(minor, budget.currency, budget.currencyExponent, lang);

  return (
    <aside className="notice hidden-excluded" aria-labelledby="hidden-excluded-title">
      <h2 id="hidden-excluded-title">{t('overview.hiddenTitle')}</h2>
      <p>{t('overview.hidden', { lines: formatInteger(hidden.lines, lang) })}</p>
      <ul>
        {SIDES.map((side) => (
          <li key={side}>
            {t('overview.hiddenSide', {
              side: t(`direction.${side}`),
              basis: money(hidden[side].basisMinor),
              executed: money(hidden[side].executedMinor),
            })}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Executed per resident on each side, once the population of the entity for the year is known. */
export function PerResident({ summary }: { summary: Summary }) {
  const { t, lang } = useLanguage();
  const { budget } = summary;
  if (budget.population === null) return null;

  return (
    <section className="per-resident" aria-labelledby="per-resident-title">
      <h2 id="per-resident-title">
        {t('overview.perResident', { population: formatInteger(budget.population, lang) })}
      </h2>
      <ul>
        {summary.byDirection.map((group) => (
          <li key={group.direction}>
            {group.executedPerResidentMinor === null
              ? t('overview.perResidentNone', { side: t(`direction.${group.direction}`) })
              : t('overview.perResidentSide', {
                  side: t(`direction.${group.direction}`),
                  amount: formatMoney(
                    Math.round(group.executedPerResidentMinor),
                    budget.currency,
                    budget.currencyExponent,
                    lang,
                  ),
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}
