/**
 * A chart view's drawings kept by what they were drawn from (ui/chart-drawings.ts): found
 * again for the same data, width, palette, spec and selection; the oldest dropped when
 * full; one pressed on (its tooltip may be pinned) drawn anew.
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { ChartDrawings, chartDataOf, type Drawing } from '../../src/ui/chart-drawings.ts';

const drawing = (): Drawing => ({ element: new EventTarget() as Element, legend: null });
const spec = { mark: 'bar' };
const palette = new Map();

describe('chart drawings', () => {
  it('finds a drawing by the same parts, not by equal-looking ones', () => {
    const drawings = new ChartDrawings(4);
    const data = { rows: [] };
    const first = drawing();
    drawings.add([data, 600, palette, spec, ''], first);
    expect(drawings.find([data, 600, palette, spec, ''])).toBe(first);
    expect(drawings.find([{ rows: [] }, 600, palette, spec, ''])).toBeUndefined();
    expect(drawings.find([data, 601, palette, spec, ''])).toBeUndefined();
    expect(drawings.find([data, 600, palette, spec, 'F'])).toBeUndefined();
  });

  it('drops the drawing used longest ago when full', () => {
    const drawings = new ChartDrawings(2);
    const [a, b, c] = [drawing(), drawing(), drawing()];
    drawings.add(['a'], a);
    drawings.add(['b'], b);
    expect(drawings.find(['a'])).toBe(a);
    drawings.add(['c'], c);
    expect(drawings.find(['b'])).toBeUndefined();
    expect(drawings.find(['a'])).toBe(a);
    expect(drawings.find(['c'])).toBe(c);
  });

  it('forgets a drawing once pressed on', () => {
    const drawings = new ChartDrawings(2);
    const pressed = drawing();
    drawings.add(['a'], pressed);
    pressed.element.dispatchEvent(new Event('pointerdown'));
    expect(drawings.find(['a'])).toBeUndefined();
  });

  it('makes the rows of a result once', () => {
    const result = { relation: null, rows: 2, preview: tableFromArrays({ x: Int32Array.from([1, 2]) }), elapsedMs: 1 };
    const rows = chartDataOf(result);
    expect(rows.rows).toHaveLength(2);
    expect(chartDataOf(result)).toBe(rows);
    expect(chartDataOf({ ...result })).not.toBe(rows);
  });
});
