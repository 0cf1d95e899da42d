import type { BudgetInfo } from '../../../src-shared/model';
import { LOCALES } from '../../../src-shared/i18n';
import { formatInteger, visibleText } from '../format';
import { useLanguage } from '../shell/language';
import { PopulationField } from './PopulationField';
import { groupBudgets, VERSIONS, type YearGroup } from './project-groups';
import { useRecentFiles } from './recent-files';

interface Props {
  budgets: BudgetInfo[];
  currentId: number | null;
  onSelect(budgetId: number): void;
  /** Told after a population was saved, so the budgets (and their summaries) are read again. */
  onChanged(): void;
  /** Reads a recent file again from its path, in Electron. */
  onReopen(path: string): void;
}

type RecentProps = Pick<Props, 'budgets' | 'onSelect' | 'onReopen'>;

function BudgetCell({
  budget,
  isCurrent,
  onSelect,
}: {
  budget: BudgetInfo | undefined;
  isCurrent: boolean;
  onSelect(id: number): void;
}) {
  const { t, lang } = useLanguage();
  if (!budget) return <td className="muted">{t('projects.missing')}</td>;
  const date = new Date(budget.importedAt).toLocaleDateString(LOCALES[lang]);
  return (
    <td>
      <p>{t('projects.lines', { count: formatInteger(budget.lineCount, lang), date })}</p>
      {isCurrent ? (
        <strong aria-current="true">{t('projects.current')}</strong>
      ) : (
        <button type="button" onClick={() => onSelect(budget.id)}>
          {t('projects.open')}
          <span className="visually-hidden">
            {' '}
            {visibleText(budget.entity)} {budget.fiscalYear ?? ''} {t(`version.${budget.version}`)}
          </span>
        </button>
      )}
    </td>
  );
}

function YearRow({
  group,
  currentId,
  onSelect,
  onChanged,
}: {
  group: YearGroup;
  currentId: number | null;
  onSelect(id: number): void;
  onChanged(): void;
}) {
  const { t } = useLanguage();
  const any = VERSIONS.map((v) => group.versions[v]).find((b) => b !== undefined);
  return (
    <tr>
      <th scope="row">
        {group.year === null ? t('projects.noYear') : t('projects.year', { year: group.year })}
        {any && group.year !== null && (
          <PopulationField
            budgetId={any.id}
            year={group.year}
            population={group.population}
            onSaved={onChanged}
          />
        )}
      </th>
      {VERSIONS.map((version) => (
        <BudgetCell
          key={version}
          budget={group.versions[version]}
          isCurrent={group.versions[version]?.id === currentId}
          onSelect={onSelect}
        />
      ))}
    </tr>
  );
}

function RecentFiles({ budgets, onSelect, onReopen }: RecentProps) {
  const { t, lang } = useLanguage();
  const files = useRecentFiles(budgets);
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('projects.recent')}</h2>
      {files.length === 0 ? (
        <p className="muted">{t('projects.noRecent')}</p>
      ) : (
        <ul className="recent-files">
          {files.map((file) => (
            <li key={file.key}>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  file.path !== undefined
                    ? onReopen(file.path)
                    : file.budgetId !== undefined && onSelect(file.budgetId)
                }
              >
                {t('projects.recentItem', {
                  file: visibleText(file.fileName),
                  date: new Date(file.at).toLocaleString(LOCALES[lang]),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every budget of the store by entity and year, versions side by side, and the recent files. */
export function ProjectsView({ budgets, currentId, onSelect, onChanged, onReopen }: Props) {
  const { t } = useLanguage();
  return (
    <section className="view" aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <p className="intro">{t('projects.intro')}</p>
      {groupBudgets(budgets).map(({ entity, years }) => (
        <section key={entity} className="project" aria-label={visibleText(entity)}>
          <h2>{visibleText(entity)}</h2>
          <table className="data-table projects-table">
            <thead>
              <tr>
                <th scope="col">{t('import.year')}</th>
                {VERSIONS.map((v) => (
                  <th key={v} scope="col">
                    {t(`version.${v}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((group) => (
                <YearRow
                  key={group.year ?? 'none'}
                  group={group}
                  currentId={currentId}
                  onSelect={onSelect}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <RecentFiles budgets={budgets} onSelect={onSelect} onReopen={onReopen} />
    </section>
  );
}
