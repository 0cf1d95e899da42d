import { exitQuietlyWhenStdoutCloses } from './cli-io';
import { runCli } from './run-cli';

exitQuietlyWhenStdoutCloses();

// Set rather than exit: pending writes to stdout still flush before the process ends. The
// sources load as CommonJS under tsx, which has no top-level await.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
