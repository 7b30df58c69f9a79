/**
 * The result grid shows each value as DuckDB prints it, for the types JavaScript has no
 * plain form of: times, timestamps (microseconds, zone), intervals, bytes. Checked against
 * DuckDB's own `CAST(… AS VARCHAR)` of the same values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { DuckEngine } from '../../src/engine/duck-engine.ts';
import { columnsOf, decodeIpc, displayRows } from '../../src/client/arrow-decode.ts';
import { chartData } from '../../src/charts/chart-rows.ts';

let engine: DuckEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const VALUES = {
  timestamp: [
    "TIMESTAMP '2024-03-05 14:07:09.123456'",
    "TIMESTAMP '2024-03-05 14:07:09'",
    "TIMESTAMP '1969-12-31 23:59:59.999999'",
    "TIMESTAMP '1900-01-01 00:00:00.5'",
  ],
  time: ["TIME '13:45:01.5'", "TIME '00:00:00'", "TIME '23:59:59.999999'", "TIME '07:05:03.000120'"],
  interval: [
    'INTERVAL 3 DAY + INTERVAL 90 MINUTE',
    'INTERVAL 14 MONTH',
    'INTERVAL 1 MONTH + INTERVAL 1 DAY',
    "INTERVAL '1 year 2 months 3 days 04:05:06.789'",
    '-INTERVAL 2 DAY',
    "-INTERVAL '36:00:00'",
    'INTERVAL 0 SECOND',
    "INTERVAL '0.000001 second'",
  ],
  nested: [
    '[1, 2, 3]',
    "{'a': 1, 'b': 'x'}",
    "MAP {'k': 1, 'j': 2}",
    "[{'x': 1.5::DECIMAL(4,2)}]",
    "['a', NULL, 'it''s', 'b, c', '', 'NULL']",
    "[DATE '2017-01-02', NULL]",
    '[1, 2]::INTEGER[2]',
    '[[1], [2, 3], []]',
    "{'t': TIME '01:02:03', 's': NULL}",
    '[1.5::DOUBLE, 2.25]',
    '[TRUE, FALSE]',
    'MAP {1: [2]}',
    '[1234567.891::DECIMAL(18,3)]',
    "[INTERVAL 1 DAY, INTERVAL '36:00:00', NULL]",
    "{'wait': INTERVAL '1 year 2 months 3 days 04:05:06.789'}",
    "MAP {'late': [-INTERVAL 2 DAY]}",
  ],
  blob: ["'x\\x00y'::BLOB", "'plain text'::BLOB", "'\\xAA\\xFF'::BLOB", "'quote''s \\x5C and \"'::BLOB"],
};

describe('result grid values', () => {
  it.each(Object.entries(VALUES))('%s values read as DuckDB prints them', async (_, values) => {
    const select = values.map((v, i) => `${v} AS v${i}`).join(', ');
    const shown = displayRows(decodeIpc(await engine.query(`SELECT ${select}`)))[0];
    const text = displayRows(decodeIpc(await engine.query(`SELECT ${values.map((v, i) => `CAST(${v} AS VARCHAR) AS v${i}`).join(', ')}`)))[0];
    expect(shown).toEqual(text);
  });

  it('a timestamp with a zone says it is UTC, as DuckDB does', async () => {
    const table = decodeIpc(await engine.query("SELECT TIMESTAMPTZ '2024-03-05 14:07:09.25+02' AS at"));
    expect(displayRows(table)[0]).toEqual(['2024-03-05 12:07:09.25+00']);
    expect(columnsOf(table)[0]!.label).toBe('timestamptz');
  });

  it('nulls stay nulls, in every column kind', async () => {
    const table = decodeIpc(await engine.query('SELECT NULL::TIME AS t, NULL::INTERVAL AS i, NULL::BLOB AS b, NULL::TIMESTAMP AS ts'));
    expect(displayRows(table)[0]).toEqual([null, null, null, null]);
  });

  it('column headers name the types as DuckDB does', async () => {
    const table = decodeIpc(
      await engine.query("SELECT TIME '01:02:03' AS t, INTERVAL 1 DAY AS i, 'x'::BLOB AS b, 0.5::FLOAT AS f, 0.5::DOUBLE AS d, 1::UBIGINT AS u"),
    );
    expect(columnsOf(table).map((c) => c.label)).toEqual(['time', 'interval', 'blob', 'float', 'double', 'uint64']);
    const nested = decodeIpc(await engine.query("SELECT [1] AS l, {'a': 'x', 'n': 1.5::DECIMAL(4,2)} AS s, MAP {'k': [DATE '2017-01-02']} AS m, [1, 2]::INTEGER[2] AS f"));
    expect(columnsOf(nested).map((c) => c.label)).toEqual(['int32[]', 'struct(a text, n decimal(4,2))', 'map(text, date[])', 'int32[2]']);
  });

  it('a chart reads those columns as the same text (a category axis of times or intervals)', async () => {
    const table = decodeIpc(await engine.query("SELECT TIME '13:45:01.5' AS clock, INTERVAL 90 MINUTE AS span, 3 AS n, NULL::TIME AS none"));
    const { rows, kinds } = chartData(table);
    expect(rows).toEqual([{ clock: '13:45:01.5', span: '01:30:00', n: 3, none: null }]);
    expect(kinds.get('clock')).toBe('text');
  });
});
