import { describe, expect, it } from 'vitest';
import { ranOutOfMemory, retryNote } from '../../src/runtime/memory-retry.ts';

describe('the retry after running out of memory', () => {
  it('recognises DuckDB’s out-of-memory error, and only it', () => {
    expect(ranOutOfMemory('Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)')).toBe(true);
    expect(ranOutOfMemory('Parser Error: syntax error at or near "SELEC"')).toBe(false);
    expect(ranOutOfMemory(null)).toBe(false);
  });

  it('names the dropped tables, in the singular or the plural', () => {
    expect(retryNote(['gold.b'])).toBe(
      "It ran out of memory while the last run's gold.b still took space; it is made again later in this run, so it was dropped and this cell ran again.",
    );
    expect(retryNote(['gold.a', 'gold.b'])).toMatch(/gold\.a, gold\.b still took space; they are made again .* they were dropped/);
  });
});
