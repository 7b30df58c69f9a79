/**
 * A Parquet file added as data loads into bronze as the text of its values, the way a CSV
 * export of it would read: checked value by value against native DuckDB's own text of the
 * same values, from a file native DuckDB wrote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { DuckEngine } from '../../src/engine/duck-engine.ts';
import { decodeIpc } from '../../src/client/arrow-decode.ts';

const VALUES = `SELECT * FROM (VALUES
  (1, 'Ann', 12407.9545::DECIMAL(18,4), DATE '2017-01-31', TIMESTAMP '2017-01-31 10:20:30.123456', true, NULL::VARCHAR, 170000.00::DECIMAL(12,2)),
  (2, 'Bo, "the" second', -3.5::DECIMAL(18,4), NULL, TIMESTAMP '1969-12-31 23:59:59.5', false, '', NULL),
  (3, NULL, 0::DECIMAL(18,4), DATE '2016-02-29', NULL, NULL, 'two
lines', 0.01)
) t(id, name, amount, day, at_time, flag, note, income)`;

let engine: DuckEngine;
let file: string;
let expected: Record<string, string | null>[];

beforeAll(async () => {
  file = path.join(mkdtempSync(path.join(tmpdir(), 'parquet-')), 'people.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (${VALUES}) TO '${file}' (FORMAT parquet)`);
  const text = await native.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM (${VALUES}) ORDER BY id`);
  expected = text.getRowObjectsJS() as Record<string, string | null>[];
  engine = await createNodeEngine();
});

describe('a Parquet file as data', () => {
  it('loads each value as the text native DuckDB gives it, nulls as nulls, empty text as empty text', async () => {
    await engine.addFile('people.parquet', file);
    const result = await engine.ingest('bronze.people', ['people.parquet']);
    expect(result.rows).toBe(3);
    const rows = decodeIpc(await engine.query('SELECT * EXCLUDE (_source_file) FROM bronze.people ORDER BY id::INT'))
      .toArray()
      .map((r) => r.toJSON());
    expect(rows).toEqual(expected);
    expect(result.files[0]!.warnings?.[0]).toMatch(/^A Parquet file: its rows were read as text/);
  });

  it('is read the same from its bytes (a file dropped in the browser)', async () => {
    await engine.addFile('dropped.parquet', new Blob([readFileSync(file)]));
    expect((await engine.ingest('bronze.dropped', ['dropped.parquet'])).rows).toBe(3);
  });

  it('says so when a file starts as Parquet but is not one', async () => {
    const broken = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expect(engine.addFile('broken.parquet', new Blob([broken]))).rejects.toThrow(
      /^broken\.parquet starts as a Parquet file but could not be read as one: /,
    );
    expect((await engine.listFiles()).map((f) => f.name)).not.toContain('broken.parquet');
  });
});
