import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Every entry is named: electron-vite does not look inside these folders by itself.
export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve(__dirname, 'src-main/app/main.ts'),
          // Untrusted files are parsed in a worker thread: it needs an entry of its own.
          'read-worker': resolve(__dirname, 'src-main/import/read-worker.ts'),
        },
      },
      rolldownOptions: { external: ['better-sqlite3', 'electron'] },
    },
  },
  preload: {
    build: {
      lib: { entry: { index: resolve(__dirname, 'src-main/app/preload.ts') } },
      rolldownOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
