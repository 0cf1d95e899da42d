import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadWindowBounds, placeOnScreens, saveWindowBounds } from './window-state';

const dir = mkdtempSync(join(tmpdir(), 'bc-window-'));
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window bounds', () => {
  it('come back as they were saved', () => {
    const file = join(dir, 'saved.json');
    const bounds = { x: 40, y: 30, width: 1200, height: 800, maximized: true };
    saveWindowBounds(file, bounds);
    expect(loadWindowBounds(file)).toEqual(bounds);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{'],
    ['too small', JSON.stringify({ width: 10, height: 10 })],
  ])('fall back to the defaults when the file is %s', (name, content) => {
    const file = join(dir, `${name}.json`);
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowBounds(file)).toEqual(DEFAULT_BOUNDS);
  });

  it('keep a position that is on a screen', () => {
    const bounds = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnScreens(bounds, [screen])).toEqual(bounds);
  });

  it('drop a position left on a screen that is gone', () => {
    const bounds = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnScreens(bounds, [screen])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });
});
