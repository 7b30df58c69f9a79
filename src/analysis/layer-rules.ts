/**
 * The medallion rules: bronze reads only files, silver reads bronze or silver, gold reads
 * silver or gold. A cell that breaks one still runs; it gets a sentence saying why the
 * rule exists, so the notebook teaches the pattern instead of enforcing it.
 */
import { layerOf, type Layer } from './analyze-sql.ts';

export interface LayeredCell {
  readonly id: string;
  /** The table the cell makes, `schema.name`, or null (queries, charts, tests). */
  readonly defines: string | null;
  readonly references: readonly string[];
  /** Files the cell reads directly (bronze cells). */
  readonly files: readonly string[];
}

const ALLOWED: Record<Layer, readonly Layer[]> = {
  bronze: [],
  silver: ['bronze', 'silver'],
  gold: ['silver', 'gold'],
};

/** Why each pairing is discouraged, keyed `<layer of the cell>→<layer it reads>`. */
const WHY: Record<string, string> = {
  'bronze→bronze': 'Bronze should hold the files exactly as they came, so that any cleaning can be redone from the originals.',
  'bronze→silver': 'Bronze should hold the files exactly as they came, so that any cleaning can be redone from the originals.',
  'bronze→gold': 'Bronze should hold the files exactly as they came, so that any cleaning can be redone from the originals.',
  'silver→gold': 'Silver should clean raw data and never depend on reports built from it, or a change to a report could change the cleaned data under every other report.',
  'gold→bronze': 'Gold should read cleaned silver tables, so that every report shares one set of cleaning rules.',
  'silver→files': 'Silver should be built from bronze tables, so that the raw files are kept as they came and the cleaning can be redone and checked against them.',
  'gold→files': 'Gold should read cleaned silver tables, so that every report shares one set of cleaning rules.',
};

/** Warnings per cell id (cells without any are left out). */
export function layerWarnings(cells: readonly LayeredCell[]): Map<string, string[]> {
  const warnings = new Map<string, string[]>();
  const add = (id: string, message: string) => warnings.set(id, [...(warnings.get(id) ?? []), message]);
  for (const cell of cells) {
    const layer = layerOf(cell.defines);
    if (layer === null) continue;
    for (const ref of cell.references) {
      const refLayer = layerOf(ref);
      if (refLayer === null || ALLOWED[layer].includes(refLayer)) continue;
      add(cell.id, `${cell.defines} reads ${ref}${layer === 'gold' && refLayer === 'bronze' ? ' directly' : ''}. ${WHY[`${layer}→${refLayer}`]}`);
    }
    if (cell.files.length > 0 && layer !== 'bronze') {
      add(cell.id, `${cell.defines} reads files directly (${cell.files.join(', ')}). ${WHY[`${layer}→files`]}`);
    }
  }
  return warnings;
}
