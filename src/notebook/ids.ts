/** Cell ids: short, readable, unique within a notebook. */

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    // é is e and a combining accent after NFKD: the accent goes, so `été` → `ete`, not `e-te`.
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** Returns `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = slugify(base) || 'cell';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
