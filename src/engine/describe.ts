import type { ColumnInfo } from './api.ts';
import type { DuckSession } from './duck-session.ts';

/** Column names and DuckDB type names of any relation or query. */
export async function describeColumns(session: DuckSession, relation: string): Promise<ColumnInfo[]> {
  return (await session.table(`DESCRIBE SELECT * FROM ${relation}`))
    .toArray()
    .map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }));
}
