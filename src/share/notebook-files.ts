/**
 * Notebooks as `.md` files: the File System Access API's pickers where the browser has
 * them (Chromium), a download and an `<input type=file>` elsewhere. A file is read as
 * untrusted input: size-capped, UTF-8, and it must hold at least one cell.
 */
import { parseNotebook } from '../notebook/format.ts';
import { slugify } from '../notebook/ids.ts';
import { downloadBlob } from './export.ts';
import { MAX_INFLATED_BYTES } from './share-link.ts';

/** The largest notebook file opened, the same cap as a link. */
export const MAX_NOTEBOOK_FILE_BYTES = MAX_INFLATED_BYTES;

const PICKER_TYPES = [{ description: 'Notebook (Markdown)', accept: { 'text/markdown': ['.md'] } }];

interface FilePickerWindow {
  showSaveFilePicker?: (
    options: unknown,
  ) => Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  }>;
  showOpenFilePicker?: (options: unknown) => Promise<{ getFile(): Promise<File> }[]>;
}

export function notebookFileName(title: string): string {
  return `${slugify(title) || 'notebook'}.md`;
}

/** Saves through the picker, or downloads. 'cancelled' when the person closed the picker. */
export async function saveNotebookFile(
  text: string,
  title: string,
  win: FilePickerWindow = window as unknown as FilePickerWindow,
): Promise<'saved' | 'downloaded' | 'cancelled'> {
  const suggestedName = notebookFileName(title);
  if (win.showSaveFilePicker) {
    try {
      const handle = await win.showSaveFilePicker({ suggestedName, types: PICKER_TYPES });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return 'saved';
    } catch (error) {
      if (isAbort(error)) return 'cancelled';
      // A picker that fails for another reason (policy, iframe): fall back to a download.
    }
  }
  downloadBlob(new Blob([text], { type: 'text/markdown;charset=utf-8' }), suggestedName);
  return 'downloaded';
}

/** Lets the person pick a notebook file; null when they cancel. Throws when it is not a notebook. */
export async function openNotebookFile(
  win: FilePickerWindow = window as unknown as FilePickerWindow,
): Promise<{ name: string; text: string } | null> {
  let file: File | null;
  if (win.showOpenFilePicker) {
    try {
      const [handle] = await win.showOpenFilePicker({ types: PICKER_TYPES, multiple: false });
      file = handle ? await handle.getFile() : null;
    } catch (error) {
      if (isAbort(error)) return null;
      file = await pickWithInput();
    }
  } else {
    file = await pickWithInput();
  }
  return file ? readNotebookFile(file) : null;
}

/** The text of a notebook file, checked. */
export async function readNotebookFile(
  file: Blob & { readonly name: string },
): Promise<{ name: string; text: string }> {
  if (file.size > MAX_NOTEBOOK_FILE_BYTES) {
    throw new Error(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a notebook file is at most ${MAX_NOTEBOOK_FILE_BYTES / 1024 / 1024} MB. Is it a data file? Add data with "Add data files".`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error(`${file.name} is not a text file in UTF-8, so it is not a notebook.`);
  }
  if (text.includes('\u0000')) throw new Error(`${file.name} is a binary file, not a notebook.`);
  if (parseNotebook(text).cells.length === 0)
    throw new Error(`${file.name} holds no notebook cells.`);
  return { name: file.name, text: text.replace(/^\uFEFF/, '') };
}

function pickWithInput(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.md,.markdown,text/markdown,text/plain';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}
