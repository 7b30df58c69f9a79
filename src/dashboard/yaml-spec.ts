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
