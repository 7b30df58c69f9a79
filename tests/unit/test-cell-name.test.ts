import { describe, expect, it } from 'vitest';
import { cellNames } from '../../src/ui/cell-name.ts';
import { analyzeNotebook } from '../../src/analysis/analyze-notebook.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { splitWarning } from '../../src/ui/mn-layer-warnings.ts';

describe('test cell names', () => {
  it('are "Tests of <table>", unique, and counted when the table is missing', () => {
    const notebook = parseNotebook(
      [
        '```sql id=g\nCREATE TABLE gold.fact_sales AS SELECT 1 AS id\n```',
        '```test id=t1\ntable: gold.fact_sales\ntests:\n  - unique: id\n```',
        '```test id=t2\ntable: gold.fact_sales\ntests:\n  - not_null: id\n```',
        '```test id=t3\ntests:\n  - not_null: id\n```',
      ].join('\n\n'),
    );
    const names = cellNames(notebook.cells, analyzeNotebook(notebook));
    expect([...names.values()]).toEqual(['gold.fact_sales', 'Tests of gold.fact_sales', 'Tests of gold.fact_sales (2)', 'Tests 1']);
  });
});

describe('splitWarning', () => {
  it('separates what happened from why the rule exists', () => {
    expect(splitWarning('gold.x reads bronze.sales directly. Gold should read cleaned silver tables.')).toEqual({
      what: 'gold.x reads bronze.sales directly.',
      why: 'Gold should read cleaned silver tables.',
    });
    expect(splitWarning('silver.x reads files directly (a.csv, b*.csv). Silver should be built from bronze.')).toEqual({
      what: 'silver.x reads files directly (a.csv, b*.csv).',
      why: 'Silver should be built from bronze.',
    });
    expect(splitWarning('one sentence only')).toEqual({ what: 'one sentence only', why: '' });
  });
});
