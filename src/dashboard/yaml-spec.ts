/** Cell bodies written as YAML: parsed to a plain object, or a problem in words. */
import { loadYaml } from '../analysis/load-yaml.ts';

export function parseYamlObject(source: string): { value: Record<string, unknown>; problem: string | null } {
  try {
    const value: unknown = source.trim() === '' ? {} : loadYaml(source);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { value: {}, problem: 'Write this cell as "key: value" lines.' };
    }
    return { value: value as Record<string, unknown>, problem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { value: {}, problem: `The spec is not valid YAML: ${message}` };
  }
}

export function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * A problem for each key a spec does not have (`lable:`, `colour:`), naming the nearest
 * known key when it looks like a typo of one: an unknown key would otherwise be ignored
 * without a word, and the chart or card drawn without what the person asked for.
 */
export function unknownKeyProblems(
  raw: Record<string, unknown>,
  known: readonly string[],
  what: string,
  /** Words people bring from other tools, and the key that means it here (color → fill). */
  synonyms: Readonly<Record<string, string>> = {},
): string[] {
  return Object.keys(raw)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const near = synonyms[key.toLowerCase()] ?? known.find((k) => editDistance(k, key.toLowerCase()) <= Math.min(2, k.length - 1));
      const hint = near ? ` Did you mean "${near}"?` : '';
      return `"${key}" is not a setting of ${what}.${hint} Its settings: ${known.join(', ')}.`;
    });
}

/** Levenshtein distance, for telling a typo (`lable`) from another word. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
