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
