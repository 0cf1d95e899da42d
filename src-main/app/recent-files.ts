import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Reply } from '../../src-shared/contract';
import type { PickedFile, RecentFile } from '../../src-shared/desktop-api';

/** As many as File → Recent files shows; older ones drop off. */
export const RECENT_KEPT = 8;

export interface RecentFiles {
  list(): RecentFile[];
  /** Puts a path the open dialog gave first, once. */
  remember(path: string): void;
  /**
   * Reads a file again by its path, only if it is one of the list: the page can name no other
   * path. Files above `maxBytes` are refused before they are read.
   */
  reopen(path: unknown): Promise<Reply<PickedFile>>;
}

const isRecent = (item: unknown): item is RecentFile =>
  typeof item === 'object' &&
  item !== null &&
  typeof (item as RecentFile).path === 'string' &&
  typeof (item as RecentFile).fileName === 'string' &&
  typeof (item as RecentFile).at === 'string';

/** A damaged or missing file is an empty list: losing the recent files costs nothing. */
function load(file: string): RecentFile[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, RECENT_KEPT) : [];
  } catch {
    return [];
  }
}

/** The recent files of this device, kept by the main process in a small JSON file. */
export function createRecentFiles(file: string, maxBytes: number): RecentFiles {
  let files = load(file);

  const save = () => {
    try {
      writeFileSync(file, JSON.stringify(files, null, 2));
    } catch {
      // A read-only profile keeps the list for this run only.
    }
  };

  return {
    list: () => files.map((f) => ({ ...f })),

    remember(path) {
      const entry = { path, fileName: basename(path), at: new Date().toISOString() };
      files = [entry, ...files.filter((f) => f.path !== path)].slice(0, RECENT_KEPT);
      save();
    },

    async reopen(path) {
      if (typeof path !== 'string' || !files.some((f) => f.path === path)) {
        return { ok: false, error: { code: 'forbidden', message: 'This is not a recent file.' } };
      }
      try {
        const info = await stat(path);
        if (info.size > maxBytes) {
          const megabytes = Math.round(maxBytes / 1024 / 1024);
          const message = `The file is larger than ${megabytes} MB.`;
          return { ok: false, error: { code: 'too-large', message } };
        }
        const bytes = await readFile(path);
        return {
          ok: true,
          data: { fileName: basename(path), dataBase64: bytes.toString('base64') },
        };
      } catch {
        const message = 'The file could not be read: it may have been moved or deleted.';
        return { ok: false, error: { code: 'unreadable', message } };
      }
    },
  };
}
