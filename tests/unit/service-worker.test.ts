import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../scripts/service-worker.ts';

/** Runs the generated worker against fake service-worker globals and returns its handlers. */
function load(files: string[], ehSupported: boolean) {
  const handlers = new Map<string, (event: unknown) => void>();
  const added: string[] = [];
  const cache = {
    addAll: async (requests: { url: string }[]) => void added.push(...requests.map((r) => r.url)),
    match: async () => undefined,
    put: async () => undefined,
  };
  const scope = {
    registration: { scope: 'https://host/app/' },
    addEventListener: (type: string, handler: (event: unknown) => void) =>
      handlers.set(type, handler),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  const globals = {
    self: scope,
    caches: {
      open: async () => cache,
      keys: async () => ['medallion-old', 'other-app'],
      delete: async () => true,
    },
    WebAssembly: { validate: () => ehSupported },
    Request: class {
      readonly url: string;
      constructor(url: string | URL) {
        this.url = String(url);
      }
    },
    URL,
  };
  new Function(...Object.keys(globals), serviceWorkerSource('abc', files))(
    ...Object.values(globals),
  );
  return { handlers, added };
}

const FILES = [
  'assets/index-1.js',
  'assets/duckdb-eh-2.wasm',
  'assets/duckdb-mvp-3.wasm',
  'index.html',
  'sample/AW Sales.csv',
];

describe('the generated service worker', () => {
  it.each([
    [true, 'duckdb-eh-2.wasm'],
    [false, 'duckdb-mvp-3.wasm'],
  ])(
    'precaches the app and only the engine build this browser uses (exceptions: %s)',
    async (eh, wasm) => {
      const { handlers, added } = load(FILES, eh);
      let done: Promise<unknown> = Promise.resolve();
      handlers.get('install')!({ waitUntil: (p: Promise<unknown>) => (done = p) });
      await done;
      expect(added.map((u) => u.replace('https://host/app/', ''))).toEqual([
        'assets/index-1.js',
        `assets/${wasm}`,
        'index.html',
        'sample/AW%20Sales.csv',
      ]);
      expect([...handlers.keys()].sort()).toEqual(['activate', 'fetch', 'install']);
    },
  );
});
