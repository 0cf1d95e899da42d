import { createLogger } from '../log';
import { ServiceError } from '../services/service-error';
import { StoreError } from '../store/store-error';
import { backupCommand } from './backup-command';
import { asksForHelp, parseCommand, usageOf, USAGE, UsageError } from './cli-args';
import { processIo, type CliIo } from './cli-io';
import { importCommand } from './import-command';
import { compareCommand } from './compare-command';
import { joinCommand } from './join-command';
import { pefaCommand } from './pefa-command';
import { logCommand, reviewCommand } from './review-log-commands';
import { demoCommand, serveCommand } from './serve-demo';
import { exportCommand, flagsCommand, summaryCommand } from './view-commands';

const log = createLogger('cli');

/**
 * Runs one command and returns its exit code: 0 done, 2 refused (bad usage, a file that cannot
 * be imported, a database that cannot be used; nothing written), 1 an internal error.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (asksForHelp(args)) {
      io.out(usageOf(command));
      return 0;
    }
    const { values, positionals } = parseCommand(command, args);
    if (command !== 'import' && command !== 'join' && positionals.length > 0) {
      throw new UsageError(`Argument inattendu : ${positionals[0]}`);
    }
    switch (command) {
      case 'import':
        return await importCommand(values, positionals, io);
      case 'join':
        return await joinCommand(values, positionals, io);
      case 'summary':
        return await summaryCommand(values, io);
      case 'flags':
        return await flagsCommand(values, io);
      case 'export':
        return await exportCommand(values, io);
      case 'pefa':
        return await pefaCommand(values, io);
      case 'compare':
        return await compareCommand(values, io);
      case 'review':
        return await reviewCommand(values, io);
      case 'log':
        return await logCommand(values, io);
      case 'backup':
        return await backupCommand(values, io);
      case 'serve':
        return await serveCommand(values, io);
      default:
        return await demoCommand(values, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ServiceError || error instanceof StoreError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`Fichier introuvable : ${(error as NodeJS.ErrnoException).path ?? ''}\n`);
      return 2;
    }
    log.error(
      `${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    // The detail went to stderr just above, through the logger: no log file is kept.
    io.err(
      'Erreur interne : la commande n’a pas abouti. Le détail technique est écrit ci-dessus, ' +
        'sur la sortie d’erreur (stderr) ; joignez-le à un signalement de problème.\n',
    );
    return 1;
  }
}
