/** Generated AdventureWorks data at a scale, written once under bench/tmp and reused. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeSample } from '../scripts/sample/index.ts';

export async function sampleDir(scale: number): Promise<string> {
  const dir = path.resolve('bench/tmp', `scale-${scale}`);
  if (!existsSync(path.join(dir, 'truth.json'))) {
    process.stderr.write(`generating scale ${scale} into ${dir}…\n`);
    await writeSample(dir, { seed: 42, scale });
  }
  return dir;
}
