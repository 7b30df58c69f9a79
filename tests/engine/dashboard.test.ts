/** Slicers, KPI cards and charts of the Customer 360 notebook against generator truth. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type Sample } from '../../scripts/sample/index.ts';
import { runNotebookOn } from './run-notebook.ts';

let sample: Sample;
let run: Awaited<ReturnType<typeof runNotebookOn>>;

/** Sum of exact decimal strings, as bigint units of 1/10000. */
const sumUnits = (values: string[]) => values.reduce((sum, v) => sum + BigInt(v.replace('.', '')), 0n);
const units = (text: string | null) => {
  const [whole = '0', fraction = ''] = (text ?? '0').split('.');
  return BigInt(whole + (fraction + '0000').slice(0, 4));
};

beforeAll(async () => {
  sample = generateSample({ seed: 11, scale: 0.2 });
  run = await runNotebookOn('notebooks/customer-360.md', sample.files);
});

describe('dashboard', () => {
  it('every chart, card and slicer runs', () => {
    const dashboard = run.runtime.notebook.cells.filter((c) => ['chart', 'kpi', 'input'].includes(c.kind));
    expect(dashboard.length).toBeGreaterThan(15);
    for (const cell of dashboard) expect(`${cell.id}: ${run.runtime.state(cell.id).status} ${run.runtime.state(cell.id).message ?? ''}`).toBe(`${cell.id}: done `);
    expect(run.runtime.state('input-country').options).toEqual(Object.keys(sample.truth.revenue_by_country).sort());
  });

  it('Total revenue with no slicer set is the true total', () => {
    expect(units(run.runtime.state('kpi-revenue').kpi!.value)).toBe(units(sample.truth.revenue));
  });

  it('Gender = F: revenue and customers of female customers only, and nothing upstream re-runs', async () => {
    const silverBefore = run.runtime.state('silver-sales');
    await run.runtime.setInput('gender', 'F');
    const female = sample.customer360.filter((c) => c.gender === 'F');
    expect(units(run.runtime.state('kpi-revenue').kpi!.value)).toBe(sumUnits(female.map((c) => c.total_revenue)));
    expect(Number(run.runtime.state('kpi-customers').kpi!.value)).toBe(female.filter((c) => c.total_orders > 0).length);
    expect(run.runtime.state('silver-sales')).toBe(silverBefore);
    await run.runtime.setInput('gender', null);
  });

  it('Year = 2017 compares with 2016', async () => {
    await run.runtime.setInput('year', 2017);
    const byYear = (year: string) =>
      sumUnits(Object.entries(sample.truth.revenue_by_month).filter(([m]) => m.startsWith(year)).map(([, v]) => v));
    const kpi = run.runtime.state('kpi-revenue').kpi!;
    expect(units(kpi.value)).toBe(byYear('2017'));
    expect(units(kpi.previous)).toBe(byYear('2016'));
    await run.runtime.setInput('year', null);
  });

  it('clicking a country filters the cards to it', async () => {
    await run.runtime.setInput('country', 'France');
    expect(run.runtime.state('kpi-revenue').kpi!.value).not.toBeNull();
    expect(units(run.runtime.state('kpi-revenue').kpi!.value)).toBe(units(sample.truth.revenue_by_country['France']!));
    await run.runtime.setInput('country', null);
  });

  it('drills down geography: continents, then the countries of one', async () => {
    const places = () => run.runtime.state('chart-geography').result!.preview.getChild('place')!.toArray().map(String).sort();
    expect(places()).toEqual(['Europe', 'North America', 'Pacific']);
    await run.runtime.setInput('geo', ['Europe']);
    expect(places()).toEqual(['France', 'Germany', 'United Kingdom']);
    await run.runtime.setInput('geo', []);
  });
});
