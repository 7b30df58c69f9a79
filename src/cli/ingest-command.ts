/**
 * `medallion ingest FILE_OR_DIR... --out DIR`: load each CSV exactly as dropping it on the
 * page would, write each bronze table as UTF-8 CSV, and a report.json. One bad file never
 * stops the others.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../engine/node-engine.ts';
import { bronzeTableName } from '../runtime/bronze-names.ts';
import { dataFilesIn } from './locate.ts';
import { writeTable } from './write-table.ts';

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (!values.out) throw new Error('Say where to write: medallion ingest FILE_OR_DIR... --out DIR');
  if (positionals.length === 0) throw new Error('Name at least one file or directory to ingest.');
  const files = dataFilesIn(positionals);
  await mkdir(values.out, { recursive: true });

  const engine = await createNodeEngine();
  const taken = new Set<string>();
  const report: object[] = [];
  let failures = 0;
  for (const file of files) {
    const table = bronzeTableName(file.name, taken);
    taken.add(table);
    try {
      await engine.addFile(file.name, file.path);
      const result = await engine.ingest(table, [file.name]);
      const output = await writeTable(engine, table, values.out, 'csv');
      const detail = result.files[0]!;
      report.push({ ...detail, table, output: path.basename(output) });
      console.error(`  ok     ${file.name} → ${table}: ${detail.rows} rows, ${detail.encoding}${detail.bom ? ' (BOM)' : ''}`);
      for (const warning of detail.warnings ?? []) console.error(`         ${warning}`);
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      report.push({ file: file.name, table, rows: 0, columns: [], encoding: null, dialect: null, rejected: [], error: message });
      console.error(`  failed ${file.name}: ${message}`);
    }
  }
  await writeFile(path.join(values.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  console.error(`medallion: ${files.length - failures} of ${files.length} files ingested into ${values.out}`);
  return failures > 0 ? 1 : 0;
}
