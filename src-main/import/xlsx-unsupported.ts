/**
 * The fast xlsx reader's answer for a file it does not read exactly as SheetJS does: it says
 * why, for the debug log, and the caller reads the file through SheetJS instead.
 */
export interface Unsupported {
  unsupported: string;
}

export function unsupported(reason: string): Unsupported {
  return { unsupported: reason };
}

export function isUnsupported(value: unknown): value is Unsupported {
  return typeof value === 'object' && value !== null && 'unsupported' in value;
}
