/**
 * Rewrites one file's `options FILE: {…}` line of a bronze cell (see
 * analysis/bronze-spec.ts), leaving every other line, comment and blank line as the person
 * wrote it. The ingest report's "Reload" uses it, so what the form sets is also in the
 * notebook's text, where it is saved, shared and re-run.
 */
import { formatCsvOverrides, parseCsvOverrides } from '../analysis/bronze-spec.ts';
import type { CsvOverrides } from '../engine/api.ts';

/** The overrides a cell's own `options FILE:` line gives, or null when it has none. */
export function fileOptions(source: string, file: string): CsvOverrides | null {
  const line = source.split('\n').find((l) => optionsPattern(l)?.toLowerCase() === file.toLowerCase());
  if (line === undefined) return null;
  return parseCsvOverrides(line.slice(line.indexOf(':') + 1).trim()).options;
}

/**
 * The cell's text with `options FILE: {…}` set to `options` (replacing the line for that
 * exact name, or adding one after the last `files:` / `options` line), or removed when
 * `options` is null or empty.
 */
export function setFileOptions(source: string, file: string, options: CsvOverrides | null): string {
  const lines = source.split('\n');
  const keep = options !== null && Object.keys(options).length > 0;
  const at = lines.findIndex((l) => optionsPattern(l)?.toLowerCase() === file.toLowerCase());
  // An existing line keeps the name as the person wrote it.
  const name = at >= 0 ? optionsPattern(lines[at]!)! : file;
  const text = keep ? `options ${name}: ${formatCsvOverrides(options)}` : null;
  if (at >= 0) {
    if (text === null) lines.splice(at, 1);
    else lines[at] = text;
    return lines.join('\n');
  }
  if (text === null) return source;
  let after = -1;
  lines.forEach((l, i) => {
    const key = l.trim().toLowerCase();
    if (key.startsWith('files:') || key.startsWith('options')) after = i;
  });
  if (after < 0) after = lines.length - 1;
  lines.splice(after + 1, 0, text);
  return lines.join('\n');
}

/** `options NAME: {…}` → NAME; null for any other line (the general `options:` included). */
function optionsPattern(line: string): string | null {
  const trimmed = line.trim();
  const colon = trimmed.indexOf(':');
  if (colon < 0 || !/^options\s/i.test(trimmed)) return null;
  const pattern = trimmed.slice('options'.length, colon).trim();
  return pattern === '' ? null : pattern;
}
