/**
 * localStorage, or an in-memory stand-in where the browser refuses it (storage disabled,
 * some private modes): the page then still works, it just forgets on reload.
 */
import type { KeyValueStorage } from './notebook-store.ts';

export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  /** Characters (keys + values) it holds at most; past it, setItem throws as a full browser store does. */
  constructor(public quota = Infinity) {}

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = 0;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used + key.length + value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export function browserStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    const probe = 'mn:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}
