/** Quoting for SQL the engine writes itself (never for the person's own SQL). */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `schema.table` → `"schema"."table"`; a bare name is quoted as one identifier. */
export function quoteQualified(name: string): string {
  return name.split('.').map(quoteIdent).join('.');
}
