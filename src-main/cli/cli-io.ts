/** Where a command writes: stdout for results, stderr for messages to the person. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * A reader that stops early (`budget-clair flags … | head -3`) closes the pipe: the rest of the
 * output is not wanted, so the command ends with 0 rather than an unhandled EPIPE and a stack.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
