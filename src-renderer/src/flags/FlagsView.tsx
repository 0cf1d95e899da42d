import type { BudgetInfo, Flag } from '../../../src-shared/model';
import { RULES } from '../../../src-shared/analysis/rules/registry';
import { visibleText } from '../format';
import { CallStatus } from '../shell/CallStatus';
import { SeverityMark } from '../shell/SeverityMark';
import { useLanguage } from '../shell/language';
import { useCall } from '../shell/use-call';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

export function FlagsList({ flags }: { flags: Flag[] }) {
  const { t, lang } = useLanguage();
  if (flags.length === 0) return <p className="status">{t('flags.empty')}</p>;

  // A flag stored by an older version may name a rule that is gone: it keeps its own id.
  const ruleName = (rule: string) => RULE_TITLES.get(rule)?.[lang] ?? rule;
  const sorted = [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  return (
    <table className="data-table flags-table">
      <caption className="visually-hidden">{t('flags.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('flags.severity')}</th>
          <th scope="col">{t('flags.rule')}</th>
          <th scope="col">{t('flags.message')}</th>
          <th scope="col">{t('flags.where')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((flag, index) => (
          <tr key={flag.id ?? index}>
            <td>
              <SeverityMark severity={flag.severity} />
            </td>
            <td>{ruleName(flag.rule)}</td>
            <td>
              {flag.code && <span className="code">{visibleText(flag.code)} </span>}
              {flag.label && <strong>{visibleText(flag.label)}</strong>}
              <div>{visibleText(flag.message)}</div>
            </td>
            <td className="where">
              {flag.sheet && flag.row !== null
                ? t('flags.location', { sheet: visibleText(flag.sheet), row: flag.row })
                : visibleText(flag.sheet)}
              {flag.cells.length > 0 && <div>{flag.cells.join(', ')}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FlagsView({ budget }: { budget: BudgetInfo }) {
  const { t } = useLanguage();
  const { state, retry } = useCall('flags.list', { budgetId: budget.id });
  return (
    <section className="view" aria-labelledby="flags-title">
      <h1 id="flags-title">{t('flags.title')}</h1>
      <CallStatus state={state} retry={retry}>
        {(flags) => <FlagsList flags={flags} />}
      </CallStatus>
    </section>
  );
}
