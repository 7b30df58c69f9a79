/**
 * SQL language support for cells: a DuckDB flavour of the PostgreSQL dialect, and
 * completion from the engine's catalog: `schema.table`, `table.column`, and bare column
 * names of the tables the cell already mentions (what an analyst types most).
 */
import { PostgreSQL, SQLDialect, sql, type SQLNamespace } from '@codemirror/lang-sql';
import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { Catalog } from './runtime-context.ts';

/**
 * Words DuckDB adds to PostgreSQL's grammar, so they highlight and complete as keywords.
 * Not read_parquet: it lives in DuckDB's parquet extension, which the engine never loads.
 */
const DUCKDB_KEYWORDS =
  'qualify pivot unpivot exclude columns summarize describe union_by_name positional asof anti semi ' +
  'struct map list try_cast strptime strftime read_csv read_csv_auto';

export const DuckDBDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${DUCKDB_KEYWORDS}`,
});

export function sqlSupport(catalog: Catalog): Extension {
  return [
    sql({ dialect: DuckDBDialect, schema: namespaceOf(catalog), upperCaseKeywords: true }),
    DuckDBDialect.language.data.of({ autocomplete: mentionedColumns(catalog) }),
  ];
}

function namespaceOf(catalog: Catalog): SQLNamespace {
  const schemas: Record<string, Record<string, Completion[]>> = {};
  for (const table of catalog) {
    schemas[table.schema] ??= {};
    schemas[table.schema]![table.name] = table.columns.map((c) => ({
      label: c.name,
      type: 'property',
      detail: c.type,
    }));
  }
  return schemas;
}

/** Columns of every catalog table named `schema.table` somewhere in the cell. */
function mentionedColumns(catalog: Catalog): CompletionSource {
  const bySchemaTable = new Map(catalog.map((t) => [`${t.schema}.${t.name}`.toLowerCase(), t]));
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[A-Za-z_][\w$]*/);
    const before = context.state.sliceDoc(
      Math.max(0, (word?.from ?? context.pos) - 1),
      word?.from ?? context.pos,
    );
    if (before === '.' || before === '"') return null; // qualified names: lang-sql's schema source
    if (!word && !context.explicit) return null;
    const doc = context.state.doc.toString();
    const options: Completion[] = [];
    const seen = new Set<string>();
    for (const match of doc.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) {
      const table = bySchemaTable.get(`${match[1]}.${match[2]}`.toLowerCase());
      if (!table) continue;
      for (const column of table.columns) {
        if (seen.has(column.name)) continue;
        seen.add(column.name);
        const label = /^[a-z_][a-z0-9_]*$/.test(column.name)
          ? column.name
          : `"${column.name.replace(/"/g, '""')}"`;
        options.push({
          label,
          type: 'property',
          detail: `${column.type} · ${table.name}`,
          boost: 1,
        });
      }
    }
    if (options.length === 0) return null;
    return { from: word?.from ?? context.pos, options, validFor: /^[\w$]*$/ };
  };
}
