import { describe, expect, it } from 'vitest';
import { installNetworkGuard } from '../../workers/network-guard.ts';
import { leavesOrigin, networkMessage, NETWORK_OFF } from '../../src/engine/network-policy.ts';

/** A worker scope with a fake XMLHttpRequest and fetch that record what went out. */
function fakeScope() {
  const opened: string[] = [];
  const fetched: string[] = [];
  const listeners: ((event: MessageEvent) => void)[] = [];
  class FakeXhr {
    open(_method: string, url: string | URL): void {
      opened.push(String(url));
    }
  }
  const scope = {
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    fetch: (async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return new Response('ok');
    }) as typeof fetch,
    location: { href: 'https://app.example/notebook/assets/engine.worker.js' },
    addEventListener: (_: 'message', listener: (event: MessageEvent) => void) =>
      listeners.push(listener),
  };
  const post = (data: unknown) => listeners.forEach((l) => l({ data } as MessageEvent));
  return { scope, opened, fetched, post };
}

describe('the engine worker network guard', () => {
  it('refuses other origins until allowed, and lets the app origin through', async () => {
    const { scope, opened, fetched, post } = fakeScope();
    const guard = installNetworkGuard(scope);
    const xhr = () => new scope.XMLHttpRequest();

    expect(() => xhr().open('GET', 'https://example.com/x.csv')).toThrow(NETWORK_OFF);
    expect(() => xhr().open('HEAD', 's3://bucket/key')).toThrow(NETWORK_OFF);
    await expect(scope.fetch('https://example.com/y.csv')).rejects.toThrow(NETWORK_OFF);
    xhr().open('GET', './duckdb-eh.wasm');
    await scope.fetch('https://app.example/notebook/assets/duckdb-eh.wasm');
    expect(opened).toEqual(['./duckdb-eh.wasm']);
    expect(fetched).toEqual(['https://app.example/notebook/assets/duckdb-eh.wasm']);

    post({ some: 'comlink message' });
    expect(guard.allowed()).toBe(false);
    post(networkMessage(true));
    expect(guard.allowed()).toBe(true);
    xhr().open('GET', 'https://example.com/x.csv');
    expect(opened).toContain('https://example.com/x.csv');
    post(networkMessage(false));
    expect(() => xhr().open('GET', 'https://example.com/x.csv')).toThrow(NETWORK_OFF);
  });

  it('knows what leaves the origin', () => {
    const base = 'http://127.0.0.1:4173/assets/w.js';
    expect(leavesOrigin('x.wasm', base)).toBe(false);
    expect(leavesOrigin('/sample/a.csv', base)).toBe(false);
    expect(leavesOrigin('blob:http://127.0.0.1:4173/abc', base)).toBe(false);
    expect(leavesOrigin('data:text/csv,a', base)).toBe(false);
    expect(leavesOrigin('http://127.0.0.1:9999/a.csv', base)).toBe(true);
    expect(leavesOrigin('https://127.0.0.1:4173/a.csv', base)).toBe(true);
    expect(leavesOrigin('hf://datasets/x', base)).toBe(true);
  });
});
