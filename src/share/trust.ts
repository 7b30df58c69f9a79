/**
 * Trust is remembered per notebook content: the SHA-256 of the notebook's canonical text
 * (parse → serialize, so line endings or a file re-saved by this app do not change it).
 * A notebook from a link or a file the person did not write runs nothing until they
 * choose to run it; choosing "Trust and run" remembers its hash here, so the same
 * notebook opens ready next time. Anything else — an edited copy, a different link — is a
 * different hash and asks again.
 */
import { parseNotebook, serializeNotebook } from '../notebook/format.ts';

const TRUSTED_KEY = 'mn:trusted-notebooks';
const NETWORK_KEY = 'mn:network-notebooks';
/** Oldest hashes are forgotten first; a person trusts far fewer notebooks than this. */
const MAX_REMEMBERED = 500;

/** Hex SHA-256 of the notebook's canonical text. */
export async function notebookHash(text: string): Promise<string> {
  const canonical = serializeNotebook(parseNotebook(text));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Notebook contents the person trusted (chose to run) and allowed network access, by
 * hash, kept in a Storage (localStorage in the page, a fake in tests).
 */
export class TrustStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>) {}

  async isTrusted(text: string): Promise<boolean> {
    return this.read(TRUSTED_KEY).includes(await notebookHash(text));
  }

  async trust(text: string): Promise<void> {
    this.add(TRUSTED_KEY, await notebookHash(text));
  }

  async isNetworkAllowed(text: string): Promise<boolean> {
    return this.read(NETWORK_KEY).includes(await notebookHash(text));
  }

  async allowNetwork(text: string): Promise<void> {
    this.add(NETWORK_KEY, await notebookHash(text));
  }

  private add(key: string, hash: string): void {
    const hashes = this.read(key).filter((h) => h !== hash);
    hashes.push(hash);
    try {
      this.storage.setItem(key, JSON.stringify(hashes.slice(-MAX_REMEMBERED)));
    } catch {
      // Storage full or blocked: trusted for this visit only; the page still runs it.
    }
  }

  private read(key: string): string[] {
    try {
      const value: unknown = JSON.parse(this.storage.getItem(key) ?? '[]');
      return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : [];
    } catch {
      return [];
    }
  }
}
