/**
 * An expected refusal a service reports to its caller (no budget yet, a file that cannot be
 * imported). The boundary passes it on as it is; anything else is an internal error.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
