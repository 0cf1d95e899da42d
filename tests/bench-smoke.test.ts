import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src-main/paths';

// The full bench takes a quarter of an hour and is not part of the tests; this proves it runs.
describe('the benchmark', () => {
  it('runs a 1 000-line smoke pass and prints its table', () => {
    const done = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--smoke'], {
      cwd: fromRoot(),
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(done.stderr).not.toMatch(/Error/);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('### Import into the store, analysed');
    expect(done.stdout).toMatch(/\| 1 000 \| xlsx .+ \| [\d.]+ m?s \(1 run\) \|/);
    expect(done.stdout).toMatch(/\| 1 000 \| csv .+ \| [\d.]+ m?s \(1 run\) \|/);
    expect(done.stdout).toMatch(/\| 1 000 \| [\d.]+ m?s .*\| \d+ \|/);
    for (const measure of [
      'the xlsx import of 1 000 lines',
      'the csv import of 1 000 lines',
      'totals, rates and every flag over 1 000 lines',
    ]) {
      expect(done.stdout).toMatch(
        new RegExp(`Profile of ${measure}.*: \\d+ ms of samples\\.\\n\\n\\| function`),
      );
    }
  });
});
