/**
 * The world map's layers that do not change with the data, the graticule and every
 * country, drawn once per size (and document) and copied into each new drawing of a map.
 * Projecting the 177 countries took most of a map's drawing time (16–24 ms on each slicer
 * change in headless Chromium); the data layer, the few countries with values, is all
 * that is projected again.
 */
import * as Plot from '@observablehq/plot';
import { worldCountries } from './world-map.ts';

/** The inhabited world (Antarctica left out): the map's space goes to the countries. */
const INHABITED_WORLD = {
  type: 'MultiPoint',
  coordinates: [
    [-179.9, 10],
    [179.9, 10],
    [0, 83],
    [0, -56],
  ],
};

/** Every map layer, base and data, is drawn with this projection, so they line up. */
export const MAP_PROJECTION = { type: 'equal-earth', domain: INHABITED_WORLD, inset: 2 } as const;

/** Sizes kept per document: a resize draws at a few widths on its way. */
const KEPT_SIZES = 4;
const drawn = new WeakMap<Document, Map<string, readonly Element[]>>();

/** Puts copies of the base layers under the marks of `svg`, a map drawn with MAP_PROJECTION at this size. */
export function addBaseLayers(svg: Element, width: number, height: number, doc: Document): void {
  const firstMark = [...svg.children].find((child) => child.tagName.toLowerCase() === 'g' && child.hasAttribute('aria-label'));
  for (const layer of baseLayers(width, height, doc)) svg.insertBefore(layer.cloneNode(true), firstMark ?? null);
}

function baseLayers(width: number, height: number, doc: Document): readonly Element[] {
  let bySize = drawn.get(doc);
  if (!bySize) drawn.set(doc, (bySize = new Map()));
  const key = `${width}×${height}`;
  let layers = bySize.get(key);
  if (!layers) {
    const base = Plot.plot({
      document: doc,
      width,
      height,
      projection: MAP_PROJECTION,
      marks: [
        Plot.graticule({ stroke: '#e5e7eb', clip: 'frame' }),
        Plot.geo(worldCountries(), { fill: '#eceff2', stroke: '#d0d5dc', strokeWidth: 0.5, clip: 'frame' }),
      ],
    });
    // The frame's clip path and the two layers; the drawing's own <style> stays behind.
    layers = [...base.children].filter((child) => child.tagName.toLowerCase() !== 'style');
    if (bySize.size >= KEPT_SIZES) bySize.delete(bySize.keys().next().value!);
    bySize.set(key, layers);
  }
  return layers;
}
