import { useState } from 'react';
import type { BudgetInfo } from '../../../src-shared/model';
import { CallStatus } from '../shell/CallStatus';
import { budgetName } from '../shell/Header';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';
import { ComparisonTables } from './ComparisonTables';
import { PefaPanel } from './PefaPanel';

/** Another year of the same entity if there is one, else any other budget. */
function defaultOther(budget: BudgetInfo, budgets: BudgetInfo[]): BudgetInfo | undefined {
  const others = budgets.filter((b) => b.id !== budget.id);
  return (
    others.find((b) => b.entity === budget.entity && b.fiscalYear !== budget.fiscalYear) ??
    others[0]
  );
}

function Picker({
  label,
  value,
  budgets,
  onChange,
}: {
  label: string;
  value: number;
  budgets: BudgetInfo[];
  onChange(id: number): void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {budgets.map((b) => (
          <option key={b.id} value={b.id}>
            {budgetName(b)} (n° {b.id})
          </option>
        ))}
      </select>
    </label>
  );
}

function Comparison({ a, b }: { a: BudgetInfo; b: BudgetInfo }) {
  const { lang } = useLanguage();
  const { state, retry } = useCall('budgets.compare', { a: a.id, b: b.id, lang });
  return (
    <CallStatus state={state} retry={retry}>
      {(comparison) => <ComparisonTables comparison={comparison} />}
    </CallStatus>
  );
}

/** Two budgets side by side, and PEFA's reliability indicators over the entity's years. */
export function CompareView({ budget, budgets }: { budget: BudgetInfo; budgets: BudgetInfo[] }) {
  const { t } = useLanguage();
  const other = defaultOther(budget, budgets);
  const [aId, setA] = useState<number | null>(other?.id ?? null);
  const [bId, setB] = useState<number>(budget.id);
  const sorted = [...budgets].sort(
    (x, y) => x.entity.localeCompare(y.entity) || (x.fiscalYear ?? 0) - (y.fiscalYear ?? 0),
  );
  const a = budgets.find((x) => x.id === aId);
  const b = budgets.find((x) => x.id === bId) ?? budget;

  return (
    <section className="view" aria-labelledby="compare-title">
      <h1 id="compare-title">{t('compare.title')}</h1>
      {!a ? (
        <p className="status">{t('compare.needTwo')}</p>
      ) : (
        <>
          <div className="filters">
            <Picker label={t('compare.left')} value={a.id} budgets={sorted} onChange={setA} />
            <Picker label={t('compare.right')} value={b.id} budgets={sorted} onChange={setB} />
          </div>
          <Comparison a={a} b={b} />
        </>
      )}
      <PefaPanel entity={b.entity} />
    </section>
  );
}
