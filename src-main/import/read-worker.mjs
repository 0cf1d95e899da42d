// Worker entry of readGridIsolated. It runs in plain Node (no bundler, no vitest transform),
// so it registers tsx before importing the TypeScript reader.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
