import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** Where and how big the window was when it was last closed. */
export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const DEFAULT_BOUNDS: WindowBounds = { width: 1440, height: 900, maximized: false };

/** The saved bounds, or the defaults when the file is missing, unreadable or out of range. */
export function loadWindowBounds(filePath: string): WindowBounds {
  try {
    const parsed = WindowBounds.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveWindowBounds(filePath: string, bounds: WindowBounds): void {
  writeFileSync(filePath, JSON.stringify(bounds));
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Keeps a saved position only if the window would still show on one of today's screens: a
 * projector unplugged since the last meeting must not leave the window out of sight.
 */
export function placeOnScreens(bounds: WindowBounds, screens: Area[]): WindowBounds {
  const { x, y } = bounds;
  if (x === undefined || y === undefined) return bounds;
  const visible = screens.some(
    (s) => x + 100 > s.x && x < s.x + s.width - 100 && y >= s.y && y < s.y + s.height - 100,
  );
  return visible
    ? bounds
    : { width: bounds.width, height: bounds.height, maximized: bounds.maximized };
}
