import { describe, expect, it } from 'vitest';
import { layerWarnings, type LayeredCell } from '../../src/analysis/layer-rules.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseNotebook } from '../../src/notebook/format.ts';

const cell = (defines: string | null, references: string[] = [], files: string[] = []): LayeredCell => ({
  id: 'c',
  defines,
  references,
  files,
});

describe('layer rules', () => {
  it.each([
    ['bronze cell reading files', cell('bronze.sales', [], ['AW_Sales*.csv']), null],
    ['silver reads bronze', cell('silver.sales', ['bronze.sales']), null],
    ['silver reads silver', cell('silver.sales', ['silver.products']), null],
    ['gold reads silver', cell('gold.fact_sales', ['silver.sales']), null],
    ['gold reads gold', cell('gold.customer_360', ['gold.fact_sales']), null],
    ['a query reads anything', cell(null, ['bronze.sales', 'gold.fact_sales']), null],
    ['another schema is not a layer', cell('staging.x', ['bronze.sales']), null],
    ['reading a non-layer schema', cell('gold.x', ['staging.y']), null],
    [
      'gold reads bronze',
      cell('gold.x', ['bronze.y']),
      'gold.x reads bronze.y directly. Gold should read cleaned silver tables, so that every report shares one set of cleaning rules.',
    ],
    ['silver reads gold', cell('silver.x', ['gold.y']), /^silver\.x reads gold\.y\. Silver should clean raw data and never depend on reports/],
    ['bronze made from silver', cell('bronze.x', ['silver.y']), /^bronze\.x reads silver\.y\. Bronze should hold the files exactly as they came/],
    ['bronze made from bronze', cell('bronze.x', ['bronze.y']), /^bronze\.x reads bronze\.y\. Bronze should hold the files/],
    ['silver reads files directly', cell('silver.x', [], ['a.csv']), /^silver\.x reads files directly \(a\.csv\)\. Silver should be built from bronze tables/],
    ['gold reads files directly', cell('gold.x', [], ['a.csv']), /^gold\.x reads files directly \(a\.csv\)\. Gold should read cleaned silver tables/],
  ] as const)('%s', (_, input, expected) => {
    const warnings = layerWarnings([input]).get('c') ?? [];
    if (expected === null) expect(warnings).toEqual([]);
    else if (typeof expected === 'string') expect(warnings).toEqual([expected]);
    else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(expected);
    }
  });

  it('one warning per offending reference', () => {
    const warnings = layerWarnings([cell('gold.x', ['bronze.a', 'silver.b', 'bronze.c'])]).get('c')!;
    expect(warnings.map((w) => w.split('.')[1])).toEqual(['x reads bronze', 'x reads bronze']);
    expect(warnings.join(' ')).toMatch(/bronze\.a.*bronze\.c/);
  });

  it('reach the notebook analysis as warnings, not problems, so the cell still runs', () => {
    const notebook = parseNotebook(
      [
        '```bronze id=b\ntable: bronze.sales\nfiles: s.csv\n```',
        '```sql id=g\nCREATE TABLE gold.revenue AS SELECT sum(CAST(q AS INT)) FROM bronze.sales\n```',
        '```sql id=s\nCREATE TABLE silver.sales AS SELECT * FROM bronze.sales\n```',
      ].join('\n\n'),
    );
    const analysis = analyzeNotebook(notebook);
    expect(analysis.get('g')!.warnings).toEqual([
      'gold.revenue reads bronze.sales directly. Gold should read cleaned silver tables, so that every report shares one set of cleaning rules.',
    ]);
    expect(analysis.get('g')!.problems).toEqual([]);
    expect(analysis.get('s')!.warnings).toEqual([]);
    expect(analysis.get('b')!.warnings).toEqual([]);
  });

  it('the bundled notebooks follow the rules', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const file of readdirSync('notebooks').filter((f) => f.endsWith('.md'))) {
      const analysis = analyzeNotebook(parseNotebook(readFileSync(`notebooks/${file}`, 'utf8')));
      const warned = [...analysis.values()].filter((a) => a.warnings.length > 0).map((a) => `${file}: ${a.id}`);
      expect(warned).toEqual([]);
    }
  });
});
