/**
 * Inside the engine worker: every request DuckDB makes goes through XMLHttpRequest (or
 * fetch, for the WASM module itself). These are wrapped so that a request leaving the
 * app's origin throws until the page allows network access (src/engine/network-policy.ts).
 */
import {
  isNetworkMessage,
  leavesOrigin,
  networkRefusedMessage,
} from '../src/engine/network-policy.ts';

interface GuardScope {
  XMLHttpRequest: typeof XMLHttpRequest;
  fetch: typeof fetch;
  location: { href: string };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function installNetworkGuard(scope: GuardScope): { allowed: () => boolean } {
  let allowed = false;
  scope.addEventListener('message', (event) => {
    if (isNetworkMessage(event.data)) allowed = event.data.allowed;
  });
  const check = (url: string | URL) => {
    if (!allowed && leavesOrigin(url, scope.location.href))
      throw new Error(networkRefusedMessage(String(url)));
  };

  const Base = scope.XMLHttpRequest;
  scope.XMLHttpRequest = class GuardedXMLHttpRequest extends Base {
    override open(method: string, url: string | URL, ...rest: unknown[]): void {
      check(url);
      (super.open as (...args: unknown[]) => void)(method, url, ...rest);
    }
  };
  const baseFetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      check(input instanceof Request ? input.url : input);
    } catch (error) {
      return Promise.reject(error);
    }
    return baseFetch(input, init);
  };
  return { allowed: () => allowed };
}
