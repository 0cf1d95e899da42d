import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { BudgetInfo } from '../../../src-shared/model';
import { call, desktop } from '../api';
import type { Reopen } from '../import/ImportView';
import type { ExplorerFilter } from '../lines/explorer-model';
import { OverviewView } from '../overview/OverviewView';
import { ProvenanceProvider } from '../provenance/provenance-context';
import { CallStatus } from './CallStatus';
import { Header, type View } from './Header';
import { useLanguage } from './language';
import { useCall } from './use-call';

// The overview is what opens first; the other views load when asked for, so that the lines
// explorer's Arrow decoder and the other views' code are not read before the first paint.
// React.lazy takes a default export; the views export their component by name.
const CompareView = lazy(() =>
  import('../compare/CompareView').then((m) => ({ default: m.CompareView })),
);
const FlagsView = lazy(() => import('../flags/FlagsView').then((m) => ({ default: m.FlagsView })));
const ImportView = lazy(() =>
  import('../import/ImportView').then((m) => ({ default: m.ImportView })),
);
const LinesView = lazy(() => import('../lines/LinesView').then((m) => ({ default: m.LinesView })));
const PresentView = lazy(() =>
  import('../present/PresentView').then((m) => ({ default: m.PresentView })),
);
const ProjectsView = lazy(() =>
  import('../projects/ProjectsView').then((m) => ({ default: m.ProjectsView })),
);
const SettingsView = lazy(() =>
  import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })),
);

function Loading() {
  const { t } = useLanguage();
  return (
    <p className="status" role="status">
      {t('common.loading')}
    </p>
  );
}

/** The latest import is the one shown first, as the command line's `--budget` default. */
function latest(budgets: BudgetInfo[]): BudgetInfo | null {
  return budgets.reduce<BudgetInfo | null>((best, b) => (!best || b.id > best.id ? b : best), null);
}

function Workbench({
  budgets,
  onImported,
}: {
  budgets: BudgetInfo[];
  /** Reads the budget list again, after an import or a change of population. */
  onImported(): void;
}) {
  const { setLang } = useLanguage();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const budget = budgets.find((b) => b.id === selectedId) ?? latest(budgets);
  const [view, setView] = useState<View>(budget ? 'overview' : 'import');
  const [openDialog, setOpenDialog] = useState(0);
  const [reopen, setReopen] = useState<Reopen | null>(null);
  const [linesFilter, setLinesFilter] = useState<ExplorerFilter>({});
  const main = useRef<HTMLElement>(null);

  const navigate = useCallback((next: View) => {
    setView(next);
    // Moving focus to the view tells keyboard and screen-reader users that the page changed.
    requestAnimationFrame(() => main.current?.focus());
  }, []);

  const reopenFile = useCallback(
    (path: string) => {
      setReopen((last) => ({ path, n: (last?.n ?? 0) + 1 }));
      navigate('import');
    },
    [navigate],
  );

  useEffect(
    () =>
      desktop()?.onMenu((action) => {
        if (action === 'import') {
          navigate('import');
          setOpenDialog((n) => n + 1);
        } else if (action.startsWith('recent:')) {
          const index = Number(action.slice('recent:'.length));
          void desktop()
            ?.recentFiles()
            .then((files) => files[index] && reopenFile(files[index].path));
        } else if (action.startsWith('view:')) {
          navigate(action.slice('view:'.length) as View);
        } else {
          setLang(action === 'lang:en' ? 'en' : 'fr');
        }
      }),
    [navigate, reopenFile, setLang],
  );

  const openLines = (filter: ExplorerFilter) => {
    setLinesFilter(filter);
    navigate('lines');
  };

  const imported = (id: number) => {
    setSelectedId(id);
    onImported();
    navigate('overview');
  };

  const choose = (id: number) => {
    setSelectedId(id);
    navigate('overview');
  };

  if (view === 'present' && budget) {
    return (
      <Suspense fallback={<Loading />}>
        <PresentView budget={budget} onExit={() => navigate('overview')} />
      </Suspense>
    );
  }
  return (
    <ProvenanceProvider>
      <Header
        view={view}
        budget={budget}
        budgets={budgets}
        onSelect={setSelectedId}
        onNavigate={(next) => {
          if (next === 'lines') setLinesFilter({});
          navigate(next);
        }}
      />
      <main ref={main} tabIndex={-1} className="app-main">
        <Suspense fallback={<Loading />}>
          {view === 'settings' ? (
            <SettingsView />
          ) : view === 'projects' ? (
            <ProjectsView
              budgets={budgets}
              currentId={budget?.id ?? null}
              onSelect={choose}
              onChanged={onImported}
              onReopen={reopenFile}
            />
          ) : view === 'import' || !budget ? (
            <ImportView onImported={imported} openDialogSignal={openDialog} reopen={reopen} />
          ) : view === 'overview' ? (
            <OverviewView budget={budget} onOpenLines={openLines} />
          ) : view === 'lines' ? (
            <LinesView budget={budget} initialFilter={linesFilter} />
          ) : view === 'compare' ? (
            <CompareView budget={budget} budgets={budgets} />
          ) : (
            <FlagsView budget={budget} />
          )}
        </Suspense>
      </main>
    </ProvenanceProvider>
  );
}

export function App() {
  const { state, retry } = useCall('budgets.list', {});
  const [fresh, setFresh] = useState<BudgetInfo[] | null>(null);

  // After an import the list is fetched again without unmounting the workbench and its state.
  const reload = useCallback(() => {
    call('budgets.list', {}).then(setFresh, retry);
  }, [retry]);

  if (fresh) return <Workbench budgets={fresh} onImported={reload} />;
  return (
    <CallStatus state={state} retry={retry}>
      {(budgets) => <Workbench budgets={budgets} onImported={reload} />}
    </CallStatus>
  );
}
