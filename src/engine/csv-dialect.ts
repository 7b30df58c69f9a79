/**
 * A second opinion on a CSV file's dialect, from the text of its first lines. DuckDB's
 * sniffer wants every row to agree; one ragged row in a semicolon file makes it settle
 * for a single column holding whole lines, which would load "successfully" and hide the
 * problem. Here each candidate delimiter is scored by how many lines share the most
 * common field count; the header is the first line with that count (lines before it are
 * a preamble). Pure, so it is tested on strings.
 */
import type { CsvOverrides } from './api.ts';

export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_LINES = 100;

export interface GuessedDialect {
  readonly delimiter: string;
  /** Lines before the header. */
  readonly skip: number;
  readonly header: boolean;
  readonly columns: readonly string[];
  /** Lines (of those looked at) with the most common field count. */
  readonly score: number;
  readonly headerLine: string;
}

/**
 * The best-scoring dialect for `head` (the start of the file), honouring overrides; null
 * when no delimiter splits the lines into two or more fields consistently.
 * `complete` says whether `head` is the whole file (else its last line may be cut).
 */
export function guessDialect(head: string, overrides: CsvOverrides = {}, complete = true): GuessedDialect | null {
  const lines = head.split(/\r\n|\n|\r/);
  if (!complete && lines.length > 1) lines.pop();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const sample = lines.slice(0, SAMPLE_LINES);
  if (sample.length === 0) return null;
  const quote = overrides.quote ?? '"';
  const candidates = overrides.delimiter !== undefined ? [overrides.delimiter] : CANDIDATE_DELIMITERS;

  const found: GuessedDialect[] = [];
  for (const delimiter of candidates) {
    const counts = sample.map((line) => (line.trim() === '' ? 0 : splitFields(line, delimiter, quote).length));
    const modal = mostCommon(counts.filter((c) => c > 0));
    if (modal === null || (modal < 2 && overrides.delimiter === undefined)) continue;
    const score = counts.filter((c) => c === modal).length;
    const skip = overrides.skip ?? Math.max(0, counts.indexOf(modal));
    const headerLine = sample[skip] ?? '';
    const header = overrides.header ?? true;
    const names = header ? splitFields(headerLine, delimiter, quote) : [];
    found.push({ delimiter, skip, header, columns: columnNames(names, Math.max(modal, names.length)), score, headerLine });
  }
  if (found.length === 0) return null;
  // A header splits on the true delimiter, so a candidate that needs no preamble wins
  // unless it fits far fewer lines: in "id;amount / 1;3,5" the comma would make the
  // header a preamble line. Then the most lines fitted, then the order of CANDIDATE_DELIMITERS.
  const most = Math.max(...found.map((f) => f.score));
  const rank = (f: GuessedDialect) => (f.skip === 0 && f.score * 2 >= most ? 1 : 0);
  return found.reduce((best, f) => (rank(f) > rank(best) || (rank(f) === rank(best) && f.score > best.score) ? f : best));
}

/** How well `delimiter` splits `head`: lines sharing the most common field count (≥ 2). */
export function delimiterScore(head: string, delimiter: string, quote = '"'): number {
  const counts = head
    .split(/\r\n|\n|\r/)
    .slice(0, SAMPLE_LINES)
    .filter((l) => l.trim() !== '')
    .map((l) => splitFields(l, delimiter, quote).length);
  const modal = mostCommon(counts);
  return modal === null || modal < 2 ? 0 : counts.filter((c) => c === modal).length;
}

/** Fields of one line; a quote opens a quoted field only at its start, and "" is a quote inside one. */
export function splitFields(line: string, delimiter: string, quote = '"'): string[] {
  if (delimiter === '') return [line];
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === quote && line[i + 1] === quote) {
        field += quote;
        i++;
      } else if (ch === quote) quoted = false;
      else field += ch;
    } else if (quote !== '' && ch === quote && atStart) {
      quoted = true;
      atStart = false;
    } else if (line.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      atStart = true;
      i += delimiter.length - 1;
    } else {
      field += ch;
      atStart = false;
    }
  }
  fields.push(field);
  return fields;
}

/** Header fields → usable, unique column names; missing ones become column<N> as in DuckDB. */
export function columnNames(fields: readonly string[], width: number): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    let name = (fields[i] ?? '').trim() || `column${i}`;
    const stem = name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}_${n}`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ' ' ? 'space' : `"${delimiter}"`;
}

function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, n] of counts) {
    const current = best === null ? 0 : counts.get(best)!;
    if (n > current || (n === current && value > best!)) best = value;
  }
  return best;
}
