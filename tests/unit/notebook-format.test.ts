import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseNotebook, serializeNotebook } from '../../src/notebook/format.ts';
import type { Notebook } from '../../src/notebook/types.ts';

const notebookFiles = readdirSync('notebooks').filter((f) => f.endsWith('.md'));

describe('notebook file format', () => {
  it.each(notebookFiles)('%s: parse → serialize → parse is lossless', (file) => {
    const text = readFileSync(`notebooks/${file}`, 'utf8');
    const first = parseNotebook(text);
    const again = parseNotebook(serializeNotebook(first));
    expect(again).toEqual(first);
    expect(first.cells.length).toBeGreaterThan(0);
  });

  it.each(notebookFiles)('%s: is already in canonical form (saving does not rewrite it)', (file) => {
    const text = readFileSync(`notebooks/${file}`, 'utf8');
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });

  const cases: [string, Notebook][] = [
    ['empty', { meta: {}, cells: [] }],
    ['two markdown cells in a row stay two', {
      meta: { title: 'T' },
      cells: [
        { id: 'a', kind: 'markdown', source: '# One' },
        { id: 'b', kind: 'markdown', source: 'Two\n\nparagraphs' },
      ],
    }],
    ['empty markdown and empty code', {
      meta: {},
      cells: [
        { id: 'm', kind: 'markdown', source: '' },
        { id: 'q', kind: 'sql', source: '' },
      ],
    }],
    ['code with backtick fences and trailing newline', {
      meta: {},
      cells: [{ id: 'q', kind: 'sql', source: "SELECT '```' AS fence\n" }],
    }],
    ['markdown holding a non-cell fence', {
      meta: {},
      cells: [
        { id: 'm', kind: 'markdown', source: 'Example:\n\n```python\nprint(1)\n```' },
        { id: 'b', kind: 'bronze', source: 'table: bronze.x\nfiles: x.csv' },
      ],
    }],
  ];
  it.each(cases)('round-trips: %s', (_, notebook) => {
    expect(parseNotebook(serializeNotebook(notebook))).toEqual(notebook);
  });

  it('reads CRLF files, front matter and cells without ids', () => {
    const text = '---\r\ntitle: Demo\r\n---\r\n\r\nHello\r\n\r\n```sql\r\nSELECT 1\r\n```\r\n```sql\r\nSELECT 2\r\n```\r\n';
    const notebook = parseNotebook(text);
    expect(notebook.meta).toEqual({ title: 'Demo' });
    expect(notebook.cells.map((c) => [c.kind, c.source])).toEqual([
      ['markdown', 'Hello'],
      ['sql', 'SELECT 1'],
      ['sql', 'SELECT 2'],
    ]);
    expect(new Set(notebook.cells.map((c) => c.id)).size).toBe(3);
  });

  it('reads a file saved with a byte-order mark (Windows Notepad) as one without', () => {
    const notebook = parseNotebook('\ufeff---\ntitle: Demo\n---\n\n# Sales\n\n```sql id=q\nSELECT 1\n```\n');
    expect(notebook.meta).toEqual({ title: 'Demo' });
    expect(notebook.cells.map((c) => [c.kind, c.source])).toEqual([
      ['markdown', '# Sales'],
      ['sql', 'SELECT 1'],
    ]);
  });

  it('gives duplicate ids in a hand-edited file fresh ones', () => {
    const notebook = parseNotebook('```sql id=x\nSELECT 1\n```\n\n```sql id=x\nSELECT 2\n```\n');
    expect(notebook.cells[0]!.id).toBe('x');
    expect(notebook.cells[1]!.id).not.toBe('x');
  });
});
