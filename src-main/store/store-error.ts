/** Why a database file was refused; the message is for the person who chose the file. */
export type StoreErrorCode =
  | 'store-not-sqlite'
  | 'store-corrupt'
  | 'store-foreign'
  | 'store-newer'
  | 'store-unknown-history'
  | 'store-outdated-readonly'
  | 'store-missing';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
