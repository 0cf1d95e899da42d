import type { ImportIssue } from '../../src-shared/model';
import type { Grid } from '../../src-shared/grid';

/** Where in the file an issue or a note applies; every field is optional. */
export interface IssuePlace {
  sheet?: string | null;
  /** 1-based row as a spreadsheet shows it. */
  row?: number | null;
  column?: string | null;
}

/** An error that stops the read, located in the file. */
export function readError(
  code: string,
  message: string,
  file: string,
  place: IssuePlace = {},
): ImportIssue {
  return {
    severity: 'error',
    code,
    message,
    file,
    sheet: place.sheet ?? null,
    row: place.row ?? null,
    column: place.column ?? null,
  };
}

export type GridNote = Grid['notes'][number];

export function gridNote(
  severity: GridNote['severity'],
  code: string,
  message: string,
  place: IssuePlace = {},
): GridNote {
  return {
    severity,
    code,
    message,
    sheet: place.sheet ?? null,
    row: place.row ?? null,
    column: place.column ?? null,
  };
}

/** A failed step of a reader: the issue explains it to the user. */
export type Failure = { ok: false; issue: ImportIssue };

export function fail(code: string, message: string, file: string, place: IssuePlace = {}): Failure {
  return { ok: false, issue: readError(code, message, file, place) };
}
