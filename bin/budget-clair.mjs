#!/usr/bin/env node
// The command line runs the TypeScript sources directly, so it works right after `npm ci`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The SQLite binding is built for Node 22.12 and later: an older Node crashes while loading it,
// with no message. Say so first.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `Budget Clair a besoin de Node 22.12 ou plus récent ; celui-ci est Node ${process.versions.node}. ` +
      `Budget Clair needs Node 22.12 or later; this is Node ${process.versions.node}. See README.md.\n`,
  );
  process.exit(1);
}

process.env.BUDGET_CLAIR_ROOT ??= fileURLToPath(new URL('..', import.meta.url));
register();
await import('../src-main/cli/main.ts');
