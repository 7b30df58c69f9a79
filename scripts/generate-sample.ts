/**
 * Writes the AdventureWorks-shaped sample CSVs plus their truth files.
 *
 *   tsx scripts/generate-sample.ts --out DIR [--scale N] [--seed N]
 *
 * Scale 1 reproduces the real set's sizes (18,148 customers, 53,416 sales lines); scale
 * multiplies customers and sales lines only. The bundled sample is `--scale 0.1` into
 * public/sample with the default seed.
 */
import { DEFAULT_SCALE, DEFAULT_SEED } from './sample/model.js';
import { writeSample } from './sample/index.js';

function parseArgs(argv: readonly string[]): { out: string; scale: number; seed: number } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!['--out', '--scale', '--seed'].includes(flag) || value === undefined) {
      throw new Error(`unexpected argument ${flag}`);
    }
    args.set(flag, value);
    i++;
  }
  const out = args.get('--out');
  if (!out) throw new Error('--out DIR is required');
  const scale = Number(args.get('--scale') ?? DEFAULT_SCALE);
  const seed = Number(args.get('--seed') ?? DEFAULT_SEED);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error('--scale must be a number > 0');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error('--seed must be an integer in 0..4294967295');
  }
  return { out, scale, seed };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nusage: tsx scripts/generate-sample.ts --out DIR [--scale N] [--seed N]`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const { truth, files } = await writeSample(options.out, {
    scale: options.scale,
    seed: options.seed,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (files.reduce((n, f) => n + f.bytes, 0) / 1e6).toFixed(1);
  console.log(
    `wrote ${files.length} files (${megabytes} MB) to ${options.out} in ${seconds}s: seed ${truth.seed}, scale ${truth.scale}, ` +
      `${truth.customers} customers (${truth.buyers} buyers), ${truth.order_lines} lines, ${truth.orders} orders, revenue ${truth.revenue}, as of ${truth.as_of_date}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
