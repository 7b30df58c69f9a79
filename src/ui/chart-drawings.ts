/**
 * Charts one chart view drew lately, by what each was drawn from, so a slicer set back to a
 * value seen before shows the chart drawn then instead of drawing it again: the runtime
 * hands back the very result it kept for that value (runtime/answer-cache.ts), and its rows
 * for Plot are made once per result. A key's parts are compared by identity (the data, the
 * palette, the spec) or value (the width, the selection).
 */
import type { CellResult } from '../runtime/cell-state.ts';
import { chartData, type ChartData } from '../charts/chart-rows.ts';
import type { ColorLegend } from '../charts/render-chart.ts';

export interface Drawing {
  readonly element: Element;
  readonly legend: ColorLegend | null;
}

export class ChartDrawings {
  /** Oldest first. */
  private readonly drawings: { key: readonly unknown[]; drawing: Drawing }[] = [];

  /** `capacity`: drawings kept; a scatter of every customer is thousands of elements. */
  constructor(private readonly capacity: number) {}

  find(key: readonly unknown[]): Drawing | undefined {
    const at = this.drawings.findIndex((d) => d.key.length === key.length && d.key.every((k, i) => k === key[i]));
    if (at < 0) return undefined;
    const [found] = this.drawings.splice(at, 1);
    this.drawings.push(found!);
    return found!.drawing;
  }

  add(key: readonly unknown[], drawing: Drawing): void {
    this.drawings.push({ key, drawing });
    if (this.drawings.length > this.capacity) this.drawings.shift();
    // A press on the chart can pin its tooltip (Plot's sticky tip): shown again later, the
    // drawing would still show it pinned, so it is drawn anew next time instead.
    drawing.element.addEventListener('pointerdown', () => this.forget(drawing), { once: true });
  }

  private forget(drawing: Drawing): void {
    const at = this.drawings.findIndex((d) => d.drawing === drawing);
    if (at >= 0) this.drawings.splice(at, 1);
  }
}

const rowsOfResult = new WeakMap<CellResult, ChartData>();

/** A result's rows for Plot, made once per result. */
export function chartDataOf(result: CellResult): ChartData {
  let data = rowsOfResult.get(result);
  if (!data) rowsOfResult.set(result, (data = chartData(result.preview)));
  return data;
}
