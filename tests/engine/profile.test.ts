/** Column profiles: exact on small relations, approximate only where it must be on large ones. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { ColumnProfile, EngineApi } from '../../src/engine/api.ts';
import { binLayout } from '../../src/engine/profile.ts';

let engine: EngineApi;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`
    CREATE TABLE gold.small AS SELECT * FROM (VALUES
      (1, 10.50::DECIMAL(10,2), DATE '2016-01-01', 'b', true, [1, 2]),
      (2, 20.25, DATE '2016-01-03', 'a', false, [3]),
      (2, NULL, DATE '2016-01-03', 'a', NULL, NULL),
      (NULL, 40.00, NULL, NULL, true, []),
      (5, 10.50, DATE '2016-01-10', 'a', true, [1])
    ) t(n, money, day, label, flag, list);
    CREATE TABLE gold.big AS SELECT i AS id, i % 3 AS three, 'k' || (i % 20000) AS key FROM range(200000) t(i);
  `);
});

const byName = (columns: readonly ColumnProfile[]) => Object.fromEntries(columns.map((c) => [c.name, c]));

describe('profile', () => {
  it('every column of a small table, exactly', async () => {
    const profile = await engine.profile('"gold"."small"');
    expect(profile.rows).toBe(5);
    const c = byName(profile.columns);
    expect(c['n']).toMatchObject({
      type: 'INTEGER', kind: 'number', rows: 5, nulls: 1, nullShare: 0.2, distinct: 3, distinctApproximate: false, min: '1', max: '5',
      top: [{ value: '2', count: 2 }, { value: '1', count: 1 }, { value: '5', count: 1 }],
    });
    // Integers spanning 5 values: one bin each.
    expect(c['n']!.histogram!.map((b) => [b.label, b.count])).toEqual([['1', 1], ['2', 2], ['3', 0], ['4', 0], ['5', 1]]);
    expect(c['money']).toMatchObject({ kind: 'number', min: '10.50', max: '40.00', distinct: 3, top: [{ value: '10.50', count: 2 }, { value: '20.25', count: 1 }, { value: '40.00', count: 1 }] });
    expect(c['money']!.histogram).toHaveLength(10);
    expect(c['money']!.histogram![0]).toMatchObject({ from: 10.5, count: 2 });
    expect(c['money']!.histogram![9]).toMatchObject({ to: 40, count: 1 });
    expect(c['money']!.histogram!.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(c['day']).toMatchObject({ kind: 'date', min: '2016-01-01', max: '2016-01-10', distinct: 3, nulls: 1 });
    expect(c['day']!.histogram!.map((b) => [b.label, b.count]).filter(([, n]) => n !== 0)).toEqual([['2016-01-01', 1], ['2016-01-03', 2], ['2016-01-10', 1]]);
    expect(c['day']!.histogram![0]!.from).toBe(Date.UTC(2016, 0, 1));
    expect(c['label']).toMatchObject({ kind: 'text', min: 'a', max: 'b', distinct: 2, histogram: null, top: [{ value: 'a', count: 3 }, { value: 'b', count: 1 }] });
    expect(c['flag']).toMatchObject({ kind: 'boolean', nulls: 1, top: [{ value: 'true', count: 3 }, { value: 'false', count: 1 }], histogram: null });
    expect(c['list']).toMatchObject({ kind: 'other', nulls: 1, top: [], histogram: null, min: null });
  });

  it('times, intervals, ids, bytes and enums get distinct counts, ranges and top values, as text does', async () => {
    await engine.query(`
      CREATE TABLE gold.scalars AS SELECT
        TIME '08:00:00' + INTERVAL (i % 3) HOUR AS clock, INTERVAL (i % 2) DAY AS span,
        CAST('00000000-0000-0000-0000-00000000000' || (i % 4) AS UUID) AS id, ('b' || (i % 2))::BLOB AS bytes,
        CAST(['low', 'mid', 'high'][i % 3 + 1] AS ENUM ('low', 'mid', 'high')) AS level
      FROM range(6) t(i)`);
    const c = byName((await engine.profile('"gold"."scalars"')).columns);
    expect(c['clock']).toMatchObject({ kind: 'text', distinct: 3, min: '08:00:00', max: '10:00:00', top: [{ value: '08:00:00', count: 2 }, { value: '09:00:00', count: 2 }, { value: '10:00:00', count: 2 }] });
    expect(c['span']).toMatchObject({ kind: 'text', distinct: 2, min: '00:00:00', max: '1 day' });
    expect(c['id']).toMatchObject({ kind: 'text', distinct: 4 });
    expect(c['bytes']).toMatchObject({ kind: 'text', distinct: 2, top: [{ value: 'b0', count: 3 }, { value: 'b1', count: 3 }] });
    expect(c['level']).toMatchObject({ kind: 'text', distinct: 3, min: 'low', max: 'high' });
  });

  it('an empty relation', async () => {
    await engine.query('CREATE TABLE gold.empty (x INTEGER, s VARCHAR)');
    const profile = await engine.profile('"gold"."empty"');
    expect(profile.rows).toBe(0);
    expect(profile.columns[0]).toMatchObject({ nulls: 0, nullShare: 0, distinct: 0, min: null, top: [], histogram: [] });
  });

  it('a large table: near-unique columns get an estimate and no top values; the rest stays exact', async () => {
    const c = byName((await engine.profile('"gold"."big"')).columns);
    expect(c['id']).toMatchObject({ distinctApproximate: true, top: [], min: '0', max: '199999' });
    expect(Math.abs(c['id']!.distinct - 200000) / 200000).toBeLessThan(0.1);
    expect(c['id']!.histogram!.map((b) => b.count)).toEqual(new Array(10).fill(20000));
    expect(c['three']).toMatchObject({ distinct: 3, distinctApproximate: false, top: [{ value: '0', count: 66667 }, { value: '1', count: 66667 }, { value: '2', count: 66666 }] });
    expect(c['key']).toMatchObject({ distinct: 20000, distinctApproximate: false });
    expect(c['key']!.top).toHaveLength(5);
    expect(c['key']!.top[0]!.count).toBe(10);
  });

  it('a kept query result, by the relation name a cell result carries', async () => {
    const result = await engine.run('SELECT three, count(*) AS n FROM gold.big GROUP BY 1', { defines: null, resultName: 'cell_result_q', previewRows: 10 });
    const profile = await engine.profile(result.relation!);
    expect(profile.rows).toBe(3);
    expect(profile.columns.map((c) => c.name)).toEqual(['three', 'n']);
  });

  it.each([
    [0, 9, true, { lo: 0, width: 1, bins: 10 }],
    [1, 3, true, { lo: 1, width: 1, bins: 3 }],
    [0, 99, true, { lo: 0, width: 10, bins: 10 }],
    [0, 100, true, { lo: 0, width: 11, bins: 10 }],
    [0, 1, false, { lo: 0, width: 0.1, bins: 10 }],
    [5, 5, false, { lo: 5, width: 1, bins: 1 }],
  ])('bins for %d..%d (whole numbers: %s)', (lo, hi, whole, layout) => {
    expect(binLayout(lo, hi, whole)).toEqual(layout);
  });
});
