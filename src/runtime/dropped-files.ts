/**
 * Where a dropped file goes: into the bronze cells whose file patterns match its name, or,
 * when none does, into a new bronze cell of its own after the last one.
 */
import type { Cell } from '../notebook/types.ts';
import type { NotebookAction } from '../notebook/reducer.ts';
import type { CellAnalysis } from '../analysis/analyze-notebook.ts';
import { formatBronzeSpec, matchesFilePattern } from '../analysis/bronze-spec.ts';
import { bronzeTableName } from './bronze-names.ts';

/** The bronze cells that read a file of this name. */
export function bronzeCellsReading(
  cells: readonly Cell[],
  analysis: ReadonlyMap<string, CellAnalysis>,
  fileName: string,
): string[] {
  return cells
    .filter((c) => c.kind === 'bronze')
    .filter((c) => analysis.get(c.id)?.files.some((p) => matchesFilePattern(fileName, p)))
    .map((c) => c.id);
}

/** Adds a bronze cell reading just this file, into a table named after it that no cell makes yet. */
export function newBronzeCellFor(
  cells: readonly Cell[],
  analysis: ReadonlyMap<string, CellAnalysis>,
  fileName: string,
): NotebookAction {
  const taken = new Set([...analysis.values()].map((a) => a.defines).filter((d) => d !== null));
  const table = bronzeTableName(fileName, taken);
  const lastBronze = [...cells].reverse().find((c) => c.kind === 'bronze');
  return {
    type: 'add',
    kind: 'bronze',
    id: table.replace('.', '-'),
    source: formatBronzeSpec(table, [fileName]),
    afterId: lastBronze?.id,
  };
}
