import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../log';
import { checkStore, type Store } from './open-store';

const log = createLogger('backup');

/** budget-clair-20260412-153000-123.sqlite: names sort in the order they were taken. */
const BACKUP_NAME = /^budget-clair-\d{8}-\d{6}-\d{3}\.sqlite$/;
const DEFAULT_KEEP = 10;

export interface BackupOptions {
  /** How many backups to keep in the folder; the oldest go first. */
  keep?: number;
  /** The moment of the backup, for its name; tests pass their own. */
  now?: Date;
}

function backupName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-');
  return `budget-clair-${stamp.slice(0, 19)}.sqlite`;
}

/** The backups in a folder, oldest first; other files there are never touched. */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => BACKUP_NAME.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Copies the store into `destDir` with SQLite's online backup API, which reads a consistent
 * snapshot while the app keeps writing. The copy is written under a temporary name and checked
 * before it takes its real one, so that a half-written file never passes for a backup. Keeps
 * the last `keep` backups. Returns the path of the new one.
 */
export async function backupStore(
  store: Store,
  destDir: string,
  options: BackupOptions = {},
): Promise<string> {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be ≥ 1, got ${keep}`);
  mkdirSync(destDir, { recursive: true });
  let name = backupName(options.now ?? new Date());
  for (let n = 1; listBackups(destDir).includes(name); n++) {
    name = backupName(new Date((options.now ?? new Date()).getTime() + n));
  }
  const target = join(destDir, name);
  const partial = `${target}.partial`;

  const startedMs = Date.now();
  try {
    await store.db.backup(partial);
    const check = checkStore(partial);
    if (!check.ok) throw new Error(`the backup failed its integrity check: ${check.problems[0]}`);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }

  const backups = listBackups(destDir);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) {
    rmSync(join(destDir, old), { force: true });
  }
  log.info(
    `backed up the store in ${Date.now() - startedMs} ms, keeping ${Math.min(keep, backups.length)}`,
  );
  return target;
}

export interface BackupSchedule {
  everyMs: number;
  dir: string;
  keep?: number;
}

/**
 * Backs the store up every `everyMs` until `stop()` is called. A run that is still going when
 * the next is due is not doubled; a failure is logged and the schedule goes on. The timer does
 * not keep the process alive.
 */
export function scheduleBackups(store: Store, schedule: BackupSchedule): { stop(): void } {
  if (!(schedule.everyMs >= 1000)) throw new RangeError('backups are at least a second apart');
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await backupStore(store, schedule.dir, { keep: schedule.keep });
    } catch (error) {
      log.error(
        `scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), schedule.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
