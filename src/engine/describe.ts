import type { ColumnInfo } from './api.ts';
import type { DuckSession } from './duck-session.ts';

/** Column names and DuckDB type names of any relation or query. */
export function describeColumns(session: DuckSession, relation: string): ColumnInfo[] {
  return session
    .table(`DESCRIBE SELECT * FROM ${relation}`)
    .toArray()
    .map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }));
}
