/**
 * The gallery: every notebook in `notebooks/`, bundled into the app at build time. The
 * start page lists them; `?notebook=<file name without .md>` opens one.
 */
import { parseNotebook } from '../notebook/format.ts';
import { notebookTitle } from '../notebook/types.ts';

export interface GalleryEntry {
  /** The file name without `.md`: `customer-360`. */
  readonly name: string;
  readonly title: string;
  /** The first paragraph of prose, as plain text. */
  readonly description: string;
  readonly text: string;
}

/** The notebook `/` opens. */
export const DEFAULT_NOTEBOOK = 'customer-360';

/** Entries from `{path: text}`, sorted with the default notebook first, then by title. */
export function galleryFrom(files: Readonly<Record<string, string>>): GalleryEntry[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const notebook = parseNotebook(text);
      const name = path.replace(/^.*\//, '').replace(/\.md$/, '');
      return { name, title: notebookTitle(notebook), description: describe(notebook.cells), text };
    })
    .sort(
      (a, b) =>
        Number(b.name === DEFAULT_NOTEBOOK) - Number(a.name === DEFAULT_NOTEBOOK) ||
        a.title.localeCompare(b.title),
    );
}

function describe(cells: readonly { kind: string; source: string }[]): string {
  for (const cell of cells) {
    if (cell.kind !== 'markdown') continue;
    const paragraph = cell.source
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== '' && !/^(#|\||```|~~~|<|-|\*|\d+\.)/.test(p));
    if (paragraph) {
      const plain = paragraph
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        // A paragraph that leads into a list ends with a colon; on a card it ends the text.
        .replace(/:$/, '.');
      return plain.length > 220 ? plain.slice(0, 217).trimEnd() + '…' : plain;
    }
  }
  return '';
}

let bundled: GalleryEntry[] | null = null;

/** The notebooks bundled with the app (Vite inlines their text). */
export function bundledGallery(): GalleryEntry[] {
  bundled ??= galleryFrom(
    import.meta.glob<string>('../../notebooks/*.md', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  );
  return bundled;
}
