/**
 * Colours for categories the notebook's colour map does not name (years, segments): the
 * first chart to show a value fixes its colour for the session, so 2017 stays amber when
 * a filter leaves it alone in a chart, and every chart colours it alike. Declared
 * colours always win.
 */
import type { ColorLegend } from '../charts/render-chart.ts';
import type { Palette } from '../dashboard/palette.ts';

export class ColourMemory {
  private readonly learned = new Map<string, Map<string, string>>();
  /** Bumped when a colour is learned, so the page can hand charts the wider palette. */
  version = 0;
  private scheduled = false;
  private merged: { declared: Palette; version: number; palette: Palette } | null = null;

  constructor(private readonly onChange: () => void) {}

  /**
   * The declared palette, widened with what was learned: the same object until either
   * changes, since charts redraw when handed a new palette (a slicer change must not
   * redraw every chart before its new data has even arrived).
   */
  palette(declared: Palette): Palette {
    if (this.learned.size === 0) return declared;
    if (this.merged?.declared === declared && this.merged.version === this.version) return this.merged.palette;
    const merged = new Map<string, ReadonlyMap<string, string>>(declared);
    for (const [column, colours] of this.learned) {
      merged.set(column, new Map([...colours, ...(declared.get(column) ?? [])]));
    }
    this.merged = { declared, version: this.version, palette: merged };
    return merged;
  }

  /** Records the colours a chart gave to values nobody had coloured yet. */
  learn(legend: ColorLegend | null, declared: Palette): void {
    if (!legend) return;
    const fixed = declared.get(legend.column);
    let colours = this.learned.get(legend.column);
    let added = false;
    for (const { value, color } of legend.entries) {
      if (fixed?.has(value) || colours?.has(value)) continue;
      if (!colours) this.learned.set(legend.column, (colours = new Map()));
      colours.set(value, color);
      added = true;
    }
    if (!added) return;
    this.version++;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.onChange();
    });
  }
}
