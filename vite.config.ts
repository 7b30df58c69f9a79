import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { serviceWorkerPlugin } from './scripts/service-worker.ts';
import { leanDuckdbWasmPlugin } from './scripts/lean-duckdb-wasm.ts';

const duckdbDist = fileURLToPath(new URL('./node_modules/@duckdb/duckdb-wasm/dist/', import.meta.url));

export default defineConfig({
  // Relative base: the built site works from any sub-path (GitHub Pages, a file share).
  base: './',
  resolve: {
    alias: {
      // The blocking build runs DuckDB inside our own worker; the package's exports map
      // does not list it, so it is reached by path.
      'duckdb-wasm-browser-blocking': `${duckdbDist}duckdb-browser-blocking.mjs`,
      '@duckdb/duckdb-wasm/blocking': `${duckdbDist}duckdb-browser-blocking.mjs`,
    },
  },
  plugins: [
    // DuckDB's engine without the 75,000 exports its loader would link at start-up. The
    // worker loads it: listed here for the dev server, in `worker` for the build.
    leanDuckdbWasmPlugin(),
    // Writes dist/sw.js with the list of every built file: the app works offline after one visit.
    serviceWorkerPlugin(),
  ],
  worker: { format: 'es', plugins: () => [leanDuckdbWasmPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
