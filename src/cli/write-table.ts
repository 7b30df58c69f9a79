/** Writes one table to disk as CSV (by DuckDB), JSON or Parquet (from Arrow). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineApi } from '../engine/api.ts';
import { quoteLiteral, quoteQualified } from '../engine/sql-quote.ts';
import { exportRows } from '../export/export-rows.ts';
import { arrowToJson } from '../export/arrow-to-json.ts';
import { arrowToParquet } from '../export/arrow-to-parquet.ts';

export type OutputFormat = 'csv' | 'json' | 'parquet';

export async function writeTable(engine: EngineApi, table: string, outDir: string, format: OutputFormat): Promise<string> {
  const file = path.resolve(outDir, `${table}.${format}`);
  if (format === 'csv') {
    // DuckDB's Node build writes through the real file system: exact decimals, ISO dates.
    await engine.query(`COPY (SELECT * FROM ${quoteQualified(table)}) TO ${quoteLiteral(file)} (HEADER, DELIMITER ',')`);
    return file;
  }
  const arrow = await exportRows(engine, quoteQualified(table), format);
  await writeFile(file, format === 'json' ? arrowToJson(arrow) : arrowToParquet(arrow));
  return file;
}
