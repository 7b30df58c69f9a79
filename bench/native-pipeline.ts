/**
 * Native DuckDB runners for the pipeline comparison. Filled in when the native engine
 * (`npx medallion run --engine native`) lands; until then the table says n/a.
 */
export const nativeRunners: { name: string; run: (dataDir: string) => Promise<number> }[] = [];
