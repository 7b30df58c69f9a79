/**
 * `npx medallion …`: run notebooks and ingest files without a browser, on the same
 * engine and runtime as the page.
 */
import { runCommand } from './run-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { testCommand } from './test-command.ts';
import { exportDbtCommand } from './export-dbt-command.ts';

const USAGE = `Usage:
  medallion run NOTEBOOK [--data DIR] [--out DIR] [--format csv|json|parquet] [--layers gold|all]
                 [--engine wasm|native] [--threads N] [--memory-limit 8GB] [--allow-network]
  medallion export-dbt NOTEBOOK --out DIR
  medallion ingest FILE_OR_DIR... --out DIR
  medallion test NOTEBOOK [--data DIR]

NOTEBOOK is a notebook file (.md) or the name of one in notebooks/ (e.g. customer-360).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return await runCommand(rest);
    if (command === 'ingest') return await ingestCommand(rest);
    if (command === 'test') return await testCommand(rest);
    if (command === 'export-dbt') return await exportDbtCommand(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      console.log(USAGE);
      return 0;
    }
    // A typo gets the usage too, on stderr, after what was not understood.
    console.error(`medallion: unknown command "${command}".\n${USAGE}`);
    return 2;
  } catch (error) {
    console.error(`medallion: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
