/** The services over a store, as the shell, the bridge and the command line use them. */
export { callHandler } from './call-handler';
export { createHandlers, type HandlerOptions } from './handlers';
export { importFile, previewFile, type ImportOutcome, type ImportRequest } from './import-service';
export { analyseBudget } from './analyse';
export { buildReportInput, exportReport, resolveBudgetId } from './report-service';
export { ServiceError } from './service-error';
