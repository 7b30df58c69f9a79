/**
 * The notebook file format: plain Markdown that reads well on GitHub and diffs cleanly.
 *
 *   ---
 *   title: Customer 360
 *   ---
 *
 *   <!-- cell: intro -->
 *   # Prose of a markdown cell
 *
 *   ```sql id=silver-customers
 *   CREATE OR REPLACE TABLE silver.customers AS …
 *   ```
 *
 * A fenced block whose language is a cell kind (`sql`, `bronze`, `chart`…) is a cell; any other
 * fence (```python, ```text) is part of the surrounding markdown. An HTML comment
 * `<!-- cell: ID -->` starts a markdown cell (invisible on GitHub) so that two markdown
 * cells in a row stay two cells. parse(serialize(n)) equals n.
 */
import { CELL_KINDS, type Cell, type CellKind, type Notebook } from './types.ts';
import { uniqueId } from './ids.ts';

const CODE_KINDS = new Set<CellKind>(CELL_KINDS.filter((k) => k !== 'markdown'));
const FENCE = /^(`{3,}|~{3,})\s*([A-Za-z0-9_-]*)(.*)$/;
const MARKER = /^<!--\s*cell:\s*([A-Za-z0-9_.-]+)\s*-->\s*$/;

export function parseNotebook(text: string): Notebook {
  // A byte-order mark (Notepad's UTF-8) would hide the front matter's first `---`.
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  let at = 0;
  const meta: Record<string, string> = {};
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const colon = line.indexOf(':');
        if (colon > 0) meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      at = end + 1;
    }
  }

  const drafts: { id: string | null; kind: CellKind; source: string }[] = [];
  let prose: string[] = [];
  let proseId: string | null = null;
  const flushProse = () => {
    const source = trimBlankLines(prose).join('\n');
    if (source !== '' || proseId !== null) drafts.push({ id: proseId, kind: 'markdown', source });
    prose = [];
    proseId = null;
  };

  while (at < lines.length) {
    const line = lines[at]!;
    const marker = MARKER.exec(line);
    const fence = FENCE.exec(line);
    if (marker) {
      flushProse();
      proseId = marker[1]!;
      at++;
    } else if (fence) {
      const [, ticks, lang, info] = fence as unknown as [string, string, string, string];
      const close = findClosingFence(lines, at + 1, ticks);
      const body = lines.slice(at + 1, close);
      if (CODE_KINDS.has(lang as CellKind)) {
        flushProse();
        drafts.push({ id: readId(info), kind: lang as CellKind, source: body.join('\n') });
      } else {
        // A fence that is not a cell belongs to the prose, verbatim.
        prose.push(...lines.slice(at, Math.min(close + 1, lines.length)));
      }
      at = close + 1;
    } else {
      prose.push(line);
      at++;
    }
  }
  flushProse();

  const taken = new Set<string>(drafts.flatMap((d) => (d.id ? [d.id] : [])));
  const cells: Cell[] = [];
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    let id = draft.id;
    if (id === null || seen.has(id)) {
      id = uniqueId(`${draft.kind}-${index + 1}`, taken);
      taken.add(id);
    }
    seen.add(id);
    cells.push({ id, kind: draft.kind, source: draft.source });
  });
  return { meta, cells };
}

export function serializeNotebook(notebook: Notebook): string {
  const parts: string[] = [];
  const metaKeys = Object.keys(notebook.meta);
  if (metaKeys.length > 0) {
    parts.push(['---', ...metaKeys.map((k) => `${k}: ${notebook.meta[k]}`), '---'].join('\n'));
  }
  for (const cell of notebook.cells) {
    if (cell.kind === 'markdown') {
      parts.push(cell.source === '' ? `<!-- cell: ${cell.id} -->` : `<!-- cell: ${cell.id} -->\n${cell.source}`);
    } else {
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(cell.source) + 1));
      parts.push(`${fence}${cell.kind} id=${cell.id}\n${cell.source}\n${fence}`);
    }
  }
  return parts.join('\n\n') + '\n';
}

function findClosingFence(lines: string[], from: number, opener: string): number {
  for (let i = from; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed.length >= opener.length && trimmed === opener[0]!.repeat(trimmed.length)) return i;
  }
  return lines.length; // unclosed fence: runs to the end of the file, as in CommonMark
}

function readId(info: string): string | null {
  const match = /(?:^|\s)id=([A-Za-z0-9_.-]+)/.exec(info);
  return match ? match[1]! : null;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
