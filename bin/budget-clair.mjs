#!/usr/bin/env node
// The command line runs the TypeScript sources directly, so it works right after `npm ci`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.BUDGET_CLAIR_ROOT ??= fileURLToPath(new URL('..', import.meta.url));
register();
await import('../src-main/cli/main.ts');
