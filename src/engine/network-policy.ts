/**
 * The engine's own network switch, under the runtime's check of cell text
 * (analysis/remote-urls.ts): the page tells the worker whether DuckDB may fetch from
 * other origins, and the worker refuses any request that is not same-origin until then.
 * This catches what reading the SQL cannot, such as a URL built at run time
 * (`'https' || '://…'`). DuckDB's own `disabled_filesystems` setting does not help here:
 * in DuckDB-WASM, HTTP reads are XMLHttpRequests made by the JavaScript runtime, not by
 * an HTTPFileSystem (checked in Chromium with DuckDB-WASM 1.32 / DuckDB 1.4.3).
 */

/** The message the page posts to the engine worker (Comlink ignores messages without its fields). */
export interface NetworkMessage {
  readonly type: 'medallion:network';
  readonly allowed: boolean;
}

export function networkMessage(allowed: boolean): NetworkMessage {
  return { type: 'medallion:network', allowed };
}

export function isNetworkMessage(data: unknown): data is NetworkMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'medallion:network'
  );
}

/**
 * True when fetching `url` (resolved against `base`, the worker's own URL) leaves the
 * app's origin. `blob:` and `data:` URLs never touch the network.
 */
export function leavesOrigin(url: string | URL, base: string): boolean {
  let resolved: URL;
  try {
    resolved = new URL(String(url), base);
  } catch {
    return true; // unparseable: refuse rather than guess
  }
  if (resolved.protocol === 'blob:' || resolved.protocol === 'data:') return false;
  return resolved.origin !== new URL(base).origin;
}

/** How the guard's refusal starts, so the page can tell it apart from other errors. */
export const NETWORK_OFF = 'Network access is off for this notebook';

export function networkRefusedMessage(url: string): string {
  return (
    `${NETWORK_OFF}, so ${url} was not fetched. ` +
    'If you trust where it points, choose "Allow network access" at the top of the notebook.'
  );
}
