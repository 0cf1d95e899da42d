import type { BudgetInfo } from '../../../src-shared/model';
import type { MessageKey } from '../../../src-shared/i18n';
import { visibleText } from '../format';
import { useLanguage } from './language';

export type View =
  'import' | 'overview' | 'lines' | 'flags' | 'compare' | 'present' | 'projects' | 'settings';

/** Views that stand without a budget shown. */
const WITHOUT_BUDGET: readonly View[] = ['import', 'projects', 'settings'];

const VIEWS: { view: View; label: MessageKey }[] = [
  { view: 'overview', label: 'nav.overview' },
  { view: 'lines', label: 'nav.lines' },
  { view: 'flags', label: 'nav.flags' },
  { view: 'compare', label: 'nav.compare' },
  { view: 'present', label: 'nav.present' },
  { view: 'import', label: 'nav.import' },
  { view: 'projects', label: 'nav.projects' },
  { view: 'settings', label: 'nav.settings' },
];

interface Props {
  view: View;
  budget: BudgetInfo | null;
  budgets: BudgetInfo[];
  onSelect(budgetId: number): void;
  onNavigate(view: View): void;
}

/** "Commune de X, 2019" for lists where budgets stand side by side. */
export function budgetName(budget: BudgetInfo): string {
  const entity = visibleText(budget.entity);
  return budget.fiscalYear ? `${entity}, ${budget.fiscalYear}` : entity;
}

export function Header({ view, budget, budgets, onSelect, onNavigate }: Props) {
  const { t, lang, setLang } = useLanguage();
  const entity = budget ? visibleText(budget.entity) : null;

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-budget">
          {entity
            ? budget?.fiscalYear
              ? t('budget.current', { entity, year: budget.fiscalYear })
              : t('budget.noYear', { entity })
            : t('app.tagline')}
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {VIEWS.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className="nav-button"
                aria-current={view === item.view ? 'page' : undefined}
                disabled={!WITHOUT_BUDGET.includes(item.view) && !budget}
                onClick={() => onNavigate(item.view)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {budgets.length > 1 && budget && (
        <label className="budget-picker">
          <span className="visually-hidden">{t('nav.budget')}</span>
          <select value={budget.id} onChange={(event) => onSelect(Number(event.target.value))}>
            {budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {budgetName(b)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        className="lang-button"
        lang={lang === 'fr' ? 'en' : 'fr'}
        aria-label={t('lang.switchLabel')}
        onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
