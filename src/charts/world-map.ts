/**
 * The world map for geo charts, bundled (world-atlas, Natural Earth 1:110m), so maps work
 * offline. Country names in data are matched to the map's through country-names.ts.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

export interface CountryFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: unknown;
}

let cached: CountryFeature[] | null = null;

export function worldCountries(): CountryFeature[] {
  if (!cached) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    cached = (feature(topology, topology.objects.countries) as unknown as { features: CountryFeature[] }).features;
  }
  return cached;
}
