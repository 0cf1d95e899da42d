import { statSync } from 'node:fs';
import { join } from 'node:path';
import { exportBudget } from '../src-main/report/export-budget';
import { buildReportInput } from '../src-main/services';
import type { Store } from '../src-main/store/open-store';

/** The printed report of a stored budget, `repetitions` times; each PDF is checked non-empty. */
export async function benchPdf(store: Store, budgetId: number, dir: string, repetitions: number) {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const path = join(dir, `report-${i}.pdf`);
    const started = performance.now();
    await exportBudget('pdf', buildReportInput(store, budgetId, 'fr'), path);
    times.push(performance.now() - started);
    if (statSync(path).size < 1000) throw new Error(`the report ${path} is empty`);
  }
  return times;
}
