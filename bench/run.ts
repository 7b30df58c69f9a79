/**
 * `npm run bench`: the Customer 360 pipeline at several scales on DuckDB-WASM in Node, in
 * the app in headless Chromium, and on native DuckDB, then the page's start-up, slicers
 * and paging in headless Chromium. Prints the
 * figures and writes bench/results.md. Nothing here is asserted: these are measurements.
 *
 *   BENCH_SCALES=1,10,100 npm run bench     (default 1,10)
 *   BENCH_BROWSER=0 npm run bench           (skip Chromium)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { sampleDir } from './sample-data.ts';
import { pipelineNotebook, runWasmPipeline } from './wasm-pipeline.ts';
import { runBrowserBench, type BrowserFigures, type StartMarks } from './browser-bench.ts';
import { runBrowserPipeline } from './browser-pipeline.ts';
import { startChromiumApp } from './chromium-app.ts';
import { nativeRunners } from './native-pipeline.ts';

const scales = (process.env['BENCH_SCALES'] ?? '1,10').split(',').map(Number);
const browser = process.env['BENCH_BROWSER'] !== '0' ? await startChromiumApp() : null;
const outOfMemory = new Set<number>();
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

say('# Benchmarks');
say('');
say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);
say(`DuckDB-WASM ${packageVersion('@duckdb/duckdb-wasm')} (DuckDB 1.4.3); native: @duckdb/node-api ${packageVersion('@duckdb/node-api')} (DuckDB ${packageVersion('@duckdb/node-api').replace(/-.*/, '')}), same notebook SQL through the same engine and runtime code.`);
say('');
say(`## Pipeline (bronze → silver → gold, ${pipelineNotebook().cells.length} cells), best of 3 (of 1 from 100×) after a warm-up run`);
say('');
say('"WASM (Chromium)" is the same pipeline in the app in headless Chromium (the notebook opened from a file, the files added through the file input and read in place), timed by the page. Each Chromium run has a fresh page and engine, so its WebAssembly starts cold every time; Node\'s runs share one process after the warm-up run (there, a process\'s first 1× run took 1.8 s and the next 1.1 s). That start shows at 1×, not at 100×.');
say('');
say(`| scale | sales lines | WASM (Node) | WASM (Chromium) | native, 1 thread | native, ${os.cpus().length} threads | Node ÷ native 1 thread | Chromium ÷ native 1 thread | native 1 ÷ ${os.cpus().length} threads |`);
say('|---|---|---|---|---|---|---|---|---|');
for (const scale of scales) {
  const dir = await sampleDir(scale);
  const times = scale >= 100 ? 1 : 3;
  const lines = Math.round(53_416 * scale).toLocaleString('en-US');
  // When the loaded bronze tables do not fit in DuckDB-WASM's heap: the same pipeline again
  // with the bronze files read in place (`materialize: false`), on both engines.
  for (const inPlace of [false, true]) {
    if (inPlace && !outOfMemory.has(scale)) break;
    const wasm = await measure(() => best(() => runWasmPipeline(dir, inPlace).then((r) => r.seconds), times));
    if (!inPlace && wasm === 'out of memory') outOfMemory.add(scale);
    // Where Node's DuckDB-WASM ran out of its heap, Chromium's (the same 4 GB) would too, and
    // the page would first stop to offer reading the files in place.
    const chromium = browser === null ? 'not run' : wasm === 'out of memory' ? 'not run' : await measure(() => runBrowserPipeline(browser, dir, inPlace, times));
    // One after the other: runs side by side would share the cores they are measuring.
    const native: (number | string)[] = [];
    for (const runner of nativeRunners) native.push(await measure(() => best(() => runner.run(dir, inPlace), times)));
    const [one, all] = native;
    say(`| ${scale}×${inPlace ? ', bronze in place' : ''} | ${lines} | ${cell(wasm)} | ${cell(chromium)} | ${cell(one)} | ${cell(all)} | ${ratio(wasm, one)} | ${ratio(chromium, one)} | ${ratio(one, all)} |`);
  }
}

if (outOfMemory.size > 0) {
  say('');
  say(
    `At ${[...outOfMemory].map((s) => `${s}×`).join(', ')} DuckDB-WASM runs out of memory: the bronze tables loaded as text ` +
      '(about 2.5× the CSV bytes) and silver.sales\'s dedup do not fit under its limit in the 4 GB heap. ' +
      'The "bronze in place" row runs the same pipeline with `materialize: false` on the bronze cells ' +
      '(views reading the files on every query), on both engines.',
  );
}

if (browser !== null) {
  const figures: BrowserFigures = await runBrowserBench(browser, await sampleDir(1));
  await browser.close();
  say('');
  say('## Headless Chromium (production build, real-sized data set)');
  say('');
  say(`${browser.browserName}. Start-up: ${figures.cold.length} cold starts, each in a fresh browser context (nothing cached), and a reload of each (warm); median, and the lowest–highest in brackets.`);
  say('');
  say('| measure | ms |');
  say('|---|---|');
  const starts = (marks: StartMarks[], key: keyof StartMarks) => spread(marks.map((m) => m[key]));
  say(`| page usable, cold (the notebook drawn, first frame) | ${starts(figures.cold, 'usable')} |`);
  say(`| notebook on screen, cold (first contentful paint) | ${starts(figures.cold, 'shown')} |`);
  say(`| engine ready, cold | ${starts(figures.cold, 'ready')} |`);
  say(`| page usable, warm (reload) | ${starts(figures.warm, 'usable')} |`);
  say(`| notebook on screen, warm (reload) | ${starts(figures.warm, 'shown')} |`);
  say(`| engine ready, warm (reload) | ${starts(figures.warm, 'ready')} |`);
  say(`| Run all, ${figures.runAllCells} cells (pipeline + dashboard) | ${figures.runAllMs.toFixed(0)} |`);
  say(`| first rows of a 1,000,000-row query | ${figures.millionRowsFirstRowsMs.toFixed(0)} |`);
  say('');
  say('### Gender slicer changes');
  say('');
  say('Each change is made with the page at rest (the last change drawn, the browser idle), as a person looks before clicking again. "Dashboard updated": from the change until every chart, card and table using `$gender` shows the new value. "Query time": how long the engine worker was busy with that plan\'s queries. "Engine busy, whole change": the same plus the refresh of the `gold.filtered_sales` view\'s own preview that follows it. With Year 2017 chosen, the KPI cards also ask for 2016.');
  say('');
  say('Twelve changes per view (F, M, all, four times) after one not counted, each a first visit: the answers kept from earlier changes forgotten before it, so the engine answers every chart and card. Then six changes to values seen before (F, M, all, twice), whose charts and cards take the answers kept from the last time (the query cells still run). Median, and the lowest–highest in brackets.');
  say('');
  say('| view | dashboard updated, ms | query time, ms | engine busy, whole change, ms | view preview refresh, ms |');
  say('|---|---|---|---|---|');
  for (const [view, seen] of ['notebook', 'dashboard', 'dashboard, Year 2017'].flatMap((v) => [[v, false], [v, true]] as const)) {
    const rows = figures.slicer.filter((s) => s.view === view && s.seen === seen);
    if (rows.length === 0) continue;
    const refresh = rows.flatMap((s) => (s.refreshMs === null ? [] : [s.refreshMs]));
    say(`| ${view}${seen ? ', value seen before' : ''} | ${spread(rows.map((s) => s.planMs))} | ${spread(rows.map((s) => s.queryMs))} | ${spread(rows.map((s) => s.busyMs))} | ${refresh.length > 0 ? spread(refresh) : '–'} |`);
  }
}

writeFileSync('bench/results.md', lines.join('\n') + '\n');
console.log('\nwritten to bench/results.md');

/** "median (lowest–highest)", in whole ms. */
function spread(values: readonly number[]): string {
  return `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ratio(a: number | string | undefined, b: number | string | undefined): string {
  return typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(2)}×` : 'n/a';
}

function cell(v: number | string | undefined): string {
  return v === undefined ? 'n/a' : typeof v === 'number' ? fmt(v) : v;
}

/** The figure, or why there is none (DuckDB-WASM runs out of its 4 GB heap at 100×). */
async function measure(run: () => Promise<number>): Promise<number | string> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    return /Out of Memory/i.test(message) ? 'out of memory' : 'failed';
  }
}

async function best(run: () => Promise<number>, times: number): Promise<number> {
  await run(); // warm-up: file cache, JIT
  let fastest = Infinity;
  for (let i = 0; i < times; i++) fastest = Math.min(fastest, await run());
  return fastest;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
}

function fmt(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}
