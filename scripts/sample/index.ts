/**
 * Entry points of the sample generator. `generateSample` builds every file in memory (for
 * tests, small scales); `writeSample` streams the same chunks to disk (any scale). Both walk
 * the same file plans, so in-memory and on-disk bytes are identical by construction.
 */
import { type ModelOptions, type SampleModel, buildModel } from './model.js';
import { type Customer360Row, type Truth, computeTruth, iterateCustomer360 } from './truth.js';
import { type CopyPlan, type FilePlan, sampleFilePlans, truthFilePlans } from './write-csv.js';

export type { Customer360Row, Truth } from './truth.js';
export type SampleOptions = ModelOptions;

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

export interface Sample {
  model: SampleModel;
  /** The AdventureWorks CSVs, as a user would drop them (copies included). */
  files: SampleFile[];
  /** `truth.json` and `customer_360.truth.csv`. */
  truthFiles: SampleFile[];
  truth: Truth;
  customer360: Customer360Row[];
}

/** In memory everything is held at once; beyond this, use writeSample. */
const MAX_IN_MEMORY_SCALE = 5;

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  const out = new Uint8Array(list.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of list) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function materialise(plans: readonly (FilePlan | CopyPlan)[]): SampleFile[] {
  const byName = new Map<string, Uint8Array>();
  return plans.map((plan) => {
    const bytes = 'copyOf' in plan ? byName.get(plan.copyOf)?.slice() : concat(plan.chunks());
    if (!bytes) throw new Error(`${plan.name} copies a file not yet built`);
    byName.set(plan.name, bytes);
    return { name: plan.name, bytes };
  });
}

export function generateSample(options: SampleOptions = {}): Sample {
  if ((options.scale ?? 1) > MAX_IN_MEMORY_SCALE) {
    throw new Error(
      `generateSample holds everything in memory; use writeSample for scale > ${MAX_IN_MEMORY_SCALE}`,
    );
  }
  const model = buildModel(options);
  const result = computeTruth(model);
  return {
    model,
    files: materialise(sampleFilePlans(model)),
    truthFiles: materialise(truthFilePlans(model, result)),
    truth: result.truth,
    customer360: [...iterateCustomer360(model, result)],
  };
}

export interface WrittenSample {
  truth: Truth;
  files: { name: string; bytes: number }[];
}

export async function writeSample(
  outDir: string,
  options: SampleOptions = {},
): Promise<WrittenSample> {
  // Node-only modules are loaded here so that generateSample stays importable in a browser.
  const { mkdir, open, copyFile, stat } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const model = buildModel(options);
  const result = computeTruth(model);
  await mkdir(outDir, { recursive: true });
  const written: { name: string; bytes: number }[] = [];
  for (const plan of [...sampleFilePlans(model), ...truthFilePlans(model, result)]) {
    const path = join(outDir, plan.name);
    if ('copyOf' in plan) {
      await copyFile(join(outDir, plan.copyOf), path);
    } else {
      const handle = await open(path, 'w');
      try {
        for (const chunk of plan.chunks()) await handle.write(chunk);
      } finally {
        await handle.close();
      }
    }
    written.push({ name: plan.name, bytes: (await stat(path)).size });
  }
  // The page fetches the sample files listed here (a static site cannot list a folder).
  const manifest = sampleFilePlans(model).map((plan) => plan.name);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { truth: result.truth, files: written };
}
