/**
 * What every dashboard element reads besides its own cell: the parameters' current values,
 * the notebook's colour map, and the slicers (by parameter) with their options. The app
 * provides one immutable snapshot, replaced only when one of these changes, so a chart
 * re-renders when a filter moves and not on every runtime tick.
 */
import { createContext } from '@lit/context';
import type { ParamValue } from '../analysis/params.ts';
import type { InputSpec } from '../dashboard/input-spec.ts';
import type { Palette } from '../dashboard/palette.ts';
import type { ColorLegend } from '../charts/render-chart.ts';

export interface Board {
  readonly params: ReadonlyMap<string, ParamValue>;
  /** The notebook's colour map, widened with colours charts gave to other values. */
  readonly palette: Palette;
  /** Tells the page which colours a chart gave to values the palette does not name yet. */
  readonly learnColours: (legend: ColorLegend | null) => void;
  /** Input cells' specs by the parameter they set. */
  readonly inputs: ReadonlyMap<string, InputSpec>;
  /** Each input's options (from its query when it has one), by parameter. */
  readonly options: ReadonlyMap<string, readonly string[]>;
}

export const EMPTY_BOARD: Board = {
  params: new Map(),
  palette: new Map(),
  learnColours: () => undefined,
  inputs: new Map(),
  options: new Map(),
};

export const boardContext = createContext<Board>(Symbol('mn-board'));
