/**
 * Every change to a notebook is a named, pure action: tests call these directly and the
 * runtime applies them, so the saved document never depends on UI state.
 */
import type { Cell, CellKind, Notebook } from './types.ts';
import { uniqueId } from './ids.ts';

export type NotebookAction =
  | { type: 'edit'; id: string; source: string }
  | { type: 'add'; kind: CellKind; source?: string; afterId?: string | null; id?: string }
  | { type: 'delete'; id: string }
  | { type: 'move'; id: string; by: number }
  | { type: 'set-meta'; key: string; value: string };

export function reduceNotebook(notebook: Notebook, action: NotebookAction): Notebook {
  switch (action.type) {
    case 'edit':
      return withCells(
        notebook,
        notebook.cells.map((c) => (c.id === action.id ? { ...c, source: action.source } : c)),
      );
    case 'add': {
      const taken = new Set(notebook.cells.map((c) => c.id));
      const cell: Cell = {
        id: action.id && !taken.has(action.id) ? action.id : uniqueId(action.id ?? action.kind, taken),
        kind: action.kind,
        source: action.source ?? '',
      };
      const cells = [...notebook.cells];
      const after = action.afterId == null ? -1 : cells.findIndex((c) => c.id === action.afterId);
      cells.splice(action.afterId === undefined ? cells.length : after + 1, 0, cell);
      return withCells(notebook, cells);
    }
    case 'delete':
      return withCells(
        notebook,
        notebook.cells.filter((c) => c.id !== action.id),
      );
    case 'move': {
      const cells = [...notebook.cells];
      const from = cells.findIndex((c) => c.id === action.id);
      const to = Math.max(0, Math.min(cells.length - 1, from + action.by));
      if (from < 0 || from === to) return notebook;
      const [cell] = cells.splice(from, 1);
      cells.splice(to, 0, cell!);
      return withCells(notebook, cells);
    }
    case 'set-meta':
      return { ...notebook, meta: { ...notebook.meta, [action.key]: action.value } };
  }
}

/** The id a new cell got: the one cell present after the action and not before. */
export function addedCellId(before: Notebook, after: Notebook): string | undefined {
  const old = new Set(before.cells.map((c) => c.id));
  return after.cells.find((c) => !old.has(c.id))?.id;
}

function withCells(notebook: Notebook, cells: Cell[]): Notebook {
  return { ...notebook, cells };
}
