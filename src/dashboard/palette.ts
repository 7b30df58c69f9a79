/**
 * One colour map per notebook, declared once in its front matter, so a category has the
 * same colour in every chart:
 *
 *   colors: {gender: {F: "#c2417a", M: "#2f6fb3", unknown: "#9aa1a9"}}
 *
 * `unknown` colours nulls.
 */
import { loadYaml } from '../analysis/load-yaml.ts';

export type Palette = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function parsePalette(text: string | undefined): Palette {
  const palette = new Map<string, Map<string, string>>();
  if (!text) return palette;
  try {
    const raw = loadYaml(text) as Record<string, Record<string, unknown>>;
    for (const [column, colours] of Object.entries(raw ?? {})) {
      if (!colours || typeof colours !== 'object') continue;
      const map = new Map<string, string>();
      for (const [value, colour] of Object.entries(colours)) {
        if (typeof colour === 'string' && /^(#[0-9a-fA-F]{3,8}|[a-z]+)$/.test(colour)) map.set(value, colour);
      }
      palette.set(column, map);
    }
  } catch {
    // A broken colour map falls back to Plot's defaults; the chart still renders.
  }
  return palette;
}

export const UNKNOWN_KEY = 'unknown';
