import { useEffect, useMemo, useState } from 'react';
import type { BudgetInfo } from '../../../src-shared/model';
import type { RecentFile as DesktopRecentFile } from '../../../src-shared/desktop-api';
import { desktop } from '../api';

/** A file this device imported, newest first; the browser keeps them, as the store is shared. */
export interface RecentFile {
  fileName: string;
  budgetId: number;
  at: string;
}

const STORAGE_KEY = 'budget-clair.recent-files';
const KEPT = 8;

export function recentFiles(): RecentFile[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is RecentFile =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as RecentFile).fileName === 'string' &&
        typeof (item as RecentFile).budgetId === 'number' &&
        typeof (item as RecentFile).at === 'string',
    );
  } catch {
    return [];
  }
}

/** Puts a file first, once: importing it again moves it up rather than repeating it. */
export function rememberFile(file: RecentFile): void {
  const next = [file, ...recentFiles().filter((f) => f.fileName !== file.fileName)].slice(0, KEPT);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private windows may refuse storage: the list then lasts for this visit only.
  }
}

/** One entry of the projects view's list: a path to read again (Electron) or a budget to show. */
export interface ShownRecent {
  key: string;
  fileName: string;
  at: string;
  path?: string;
  budgetId?: number;
}

/**
 * The recent files to list. In Electron the main process keeps them by path and reopens them;
 * in a browser this device's storage names the budgets its imports made, among those still there.
 */
export function useRecentFiles(budgets: BudgetInfo[]): ShownRecent[] {
  const native = desktop();
  const [fromShell, setFromShell] = useState<DesktopRecentFile[]>([]);
  useEffect(() => {
    let current = true;
    native?.recentFiles().then(
      (files) => current && setFromShell(files),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [native]);

  return useMemo(() => {
    if (native) return fromShell.map((f) => ({ ...f, key: f.path }));
    const known = new Set(budgets.map((b) => b.id));
    return recentFiles()
      .filter((f) => known.has(f.budgetId))
      .map((f) => ({ ...f, key: f.fileName }));
  }, [native, fromShell, budgets]);
}
