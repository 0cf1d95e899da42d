/**
 * One small logger for the Node side, tagged by module. It writes to stderr so that a command's
 * JSON on stdout stays clean. Never log cell contents or amounts: budget files can be sensitive.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

function threshold(): number {
  const wanted = process.env.BUDGET_CLAIR_LOG as LogLevel | undefined;
  if (wanted && wanted in ORDER) return ORDER[wanted];
  return process.env.VITEST ? ORDER.error : ORDER.warn;
}

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(tag: string): Logger {
  const write = (level: LogLevel, message: string) => {
    if (ORDER[level] > threshold()) return;
    process.stderr.write(`${new Date().toISOString()} ${level} [${tag}] ${message}\n`);
  };

  return {
    error: (m) => write('error', m),
    warn: (m) => write('warn', m),
    info: (m) => write('info', m),
    debug: (m) => write('debug', m),
  };
}
