/**
 * A country name in data → the world map's name for it, with the aliases spreadsheets
 * commonly use. Apart from the map (world-map.ts) so that clicks can be matched without
 * loading the map's geometry.
 */
const ALIASES: Record<string, string> = {
  'United States': 'United States of America',
  USA: 'United States of America',
  US: 'United States of America',
  UK: 'United Kingdom',
  'Czech Republic': 'Czechia',
  Russia: 'Russian Federation',
};

export function mapName(country: string): string {
  return ALIASES[country] ?? country;
}
