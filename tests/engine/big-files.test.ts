/**
 * Files too big for the tab: ingest estimates the memory a table would take and refuses
 * with a way out; `materialize: false` makes the bronze table a view that reads the file
 * in place; progress reports bytes while loading and rows when done.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import { createNativeEngine } from '../../src/engine/native-engine.ts';
import type { IngestProgress } from '../../src/engine/api.ts';
import { TABLE_BYTES_PER_FILE_BYTE } from '../../src/engine/csv-ingest.ts';
import { bytesPerLine } from '../../src/engine/csv-prepare.ts';
import { wasmMemoryBudget } from '../../src/engine/wasm-backend.ts';
import { formatBronzeSpec, parseBronzeSpec } from '../../src/analysis/bronze-spec.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const GiB = 2 ** 30;
/** 20,000 orders and one ragged line (line 5,002). */
const lines = ['order_id,customer,amount'];
for (let i = 1; i <= 20_000; i++) lines.push(`${i},customer ${i % 97},${(i * 1.25).toFixed(2)}`);
lines.splice(5001, 0, '5000.5,ragged line,1,2,3');
const ORDERS = new Blob([lines.join('\n') + '\n']);

describe('big files', () => {
  it('refuses a table that would not fit, naming the file and the way out', async () => {
    const engine = await createNodeEngine({ memoryBudget: 100_000 });
    await engine.addFile('orders.csv', ORDERS);
    const error = await engine.ingest('bronze.orders', ['orders.csv']).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^orders\.csv \(\d+(\.\d)? KB\) would need about .* of memory as a table/,
    );
    expect((error as Error).message).toContain('"materialize: false"');
    // Nothing was created.
    expect((await engine.catalog()).map((t) => `${t.schema}.${t.name}`)).not.toContain(
      'bronze.orders',
    );
  });

  it('with materialize: false reads the file in place through a view, with rows and rejected lines reported', async () => {
    const engine = await createNodeEngine({ memoryBudget: 100_000 });
    await engine.addFile('orders.csv', ORDERS);
    const progress: IngestProgress[] = [];
    const result = await engine.ingest('bronze.orders', ['orders.csv'], (p) => progress.push(p), {
      materialize: false,
    });
    expect(result).toMatchObject({ table: 'bronze.orders', rows: 20_000, materialized: false });
    expect(result.files[0]!.rejected.map((r) => r.line)).toEqual([5002]);
    const kind = tableFromIPC(
      await engine.query(
        `SELECT count(*) AS n FROM duckdb_views() WHERE schema_name = 'bronze' AND view_name = 'orders'`,
      ),
    );
    expect(Number(kind.get(0)!['n'])).toBe(1);
    const sum = tableFromIPC(
      await engine.query(`SELECT count(*) AS n, min(_source_file) AS f FROM bronze.orders`),
    ).get(0)!;
    expect([Number(sum['n']), sum['f']]).toEqual([20_000, 'orders.csv']);

    const phases = progress.map((p) => p.phase);
    expect(phases).toContain('detecting');
    expect(phases).toContain('loading');
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      rows: 20_000,
      bytesDone: ORDERS.size,
      bytesTotal: ORDERS.size,
    });
    const loading = progress.filter((p) => p.phase === 'loading');
    expect(loading.map((p) => p.bytesDone)).toEqual(loading.map((p) => p.bytesDone).sort((a, b) => a - b));
    // Rows are estimated while loading (none read yet at the start), and counted when done.
    expect(loading[0]).toMatchObject({ bytesDone: 0, rowsEstimate: 0 });

    // Loaded again as a table (the estimate fits now): the view becomes a table.
    const engineWithRoom = await createNodeEngine({ memoryBudget: 8 * GiB });
    await engineWithRoom.addFile('orders.csv', ORDERS);
    await engineWithRoom.ingest('bronze.orders', ['orders.csv'], undefined, { materialize: false });
    const table = await engineWithRoom.ingest('bronze.orders', ['orders.csv']);
    expect(table).toMatchObject({ rows: 20_000, materialized: true });
  });

  it('estimates rows from bytes with the bytes per line of a file\'s first lines', () => {
    // Three whole lines of 4 bytes each (header included), newline-terminated.
    expect(bytesPerLine(12, 'a,b\n1,2\n3,4\n', true)).toBe(4);
    // The whole file, without a final newline: its last line counts.
    expect(bytesPerLine(11, 'a,b\n1,2\n3,4', true)).toBeCloseTo(11 / 3);
    // A sample cut inside a line: the cut line does not count.
    expect(bytesPerLine(10, 'a,b\n1,2\n3,', false)).toBe(5);
    expect(bytesPerLine(0, '', true)).toBeNull();
    // The orders file above: 20,002 lines in the file, so bytes / bytes-per-line comes close.
    const text = lines.slice(0, 3000).join('\n');
    const perLine = bytesPerLine(text.length, text, false)!;
    expect(ORDERS.size / perLine).toBeGreaterThan(19_000);
    expect(ORDERS.size / perLine).toBeLessThan(21_500);
  });

  it('native DuckDB has no heap cap: it loads what the browser would refuse, spilling to disk if it must', async () => {
    const engine = await createNativeEngine({ threads: 2, memoryLimit: '1GB' });
    await engine.addFile('orders.csv', ORDERS);
    expect(await engine.ingest('bronze.orders', ['orders.csv'])).toMatchObject({
      rows: 20_000,
      materialized: true,
    });
  });

  it('a bronze cell says materialize: false, and the notebook runs on the view', async () => {
    const spec = parseBronzeSpec('table: bronze.orders\nfiles: orders*.csv\nmaterialize: false');
    expect(spec).toMatchObject({ problems: [], options: { materialize: false } });
    expect(formatBronzeSpec('bronze.orders', ['orders*.csv'], { materialize: false })).toBe(
      'table: bronze.orders\nfiles: orders*.csv\nmaterialize: false',
    );
    expect(parseBronzeSpec('table: bronze.x\nfiles: x.csv\nmaterialize: maybe').problems).toEqual([
      'materialize must be true or false, not "maybe".',
    ]);

    const runtime = new NotebookRuntime(
      await createNodeEngine({ memoryBudget: 100_000 }),
      parseNotebook(`
\`\`\`bronze id=b
table: bronze.orders
files: orders*.csv
materialize: false
\`\`\`

\`\`\`sql id=s
CREATE OR REPLACE TABLE silver.big_orders AS
SELECT CAST(order_id AS INTEGER) AS order_id, CAST(amount AS DECIMAL(10, 2)) AS amount
FROM bronze.orders WHERE CAST(amount AS DECIMAL(10, 2)) >= 24000
\`\`\`
`),
    );
    await runtime.addFiles([{ name: 'orders.csv', handle: ORDERS }], false);
    await runtime.runAll();
    expect(runtime.state('b')).toMatchObject({
      status: 'done',
      ingest: { materialized: false, rows: 20_000 },
    });
    expect(runtime.state('s')).toMatchObject({ status: 'done', result: { rows: 801 } });
  });

  it('budgets DuckDB-WASM by the 4 GiB heap, the device memory and the JS heap limit, else 2 GiB', () => {
    expect(wasmMemoryBudget({})).toBe(2 * GiB);
    expect(wasmMemoryBudget({ navigator: { deviceMemory: 16 } })).toBe(4 * GiB);
    expect(wasmMemoryBudget({ navigator: { deviceMemory: 4 } })).toBe(2 * GiB);
    expect(
      wasmMemoryBudget({
        navigator: { deviceMemory: 8 },
        performance: { memory: { jsHeapSizeLimit: 3 * GiB } },
      }),
    ).toBe(3 * GiB);
    // A 2 GB CSV would need about 5 GB as a table: more than any tab can give.
    expect(2e9 * TABLE_BYTES_PER_FILE_BYTE).toBeGreaterThan(4 * GiB);
  });
});
