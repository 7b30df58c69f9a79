/**
 * Lists, structs and maps as DuckDB prints them: `[1, 2, 3]`, `{'a': 1, 'b': x}`,
 * `{k=1, j=2}`, each value inside written by its own type (a decimal `1.50`, a date
 * `2017-01-02`, not Arrow's scaled integers or milliseconds). A value's text is quoted, as
 * DuckDB does, when it could be read as part of the structure: `'b, c'`, `'it\'s'`, `'01:02:03'`.
 */
import { DataType, type Field } from 'apache-arrow';

/** How one value of a scalar type is written inside a structure. */
export type ScalarText = (value: unknown, type: DataType) => string | null;

export function nestedText(value: unknown, type: DataType, scalar: ScalarText): string {
  const inner = (item: unknown, itemType: DataType): string => {
    if (item === null || item === undefined) return 'NULL';
    if (isNested(itemType)) return nestedText(item, itemType, scalar);
    // Any value's text, not only a string's: a TIME's 01:02:03 is quoted too.
    return quoted(scalar(item, itemType) ?? 'NULL');
  };
  if (DataType.isMap(type)) {
    const [key, val] = (type.children[0]!.type.children ?? []) as Field[];
    const entries = [...(value as Iterable<[unknown, unknown]>)];
    return `{${entries.map(([k, v]) => `${inner(k, key!.type)}=${inner(v, val!.type)}`).join(', ')}}`;
  }
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>;
    return `{${type.children.map((f) => `'${f.name}': ${inner(row[f.name], f.type)}`).join(', ')}}`;
  }
  const list = value as { length: number; get(i: number): unknown };
  const child = type.children[0]!.type;
  const items: string[] = [];
  for (let i = 0; i < list.length; i++) items.push(inner(list.get(i), child));
  return `[${items.join(', ')}]`;
}

export function isNested(type: DataType): boolean {
  return DataType.isList(type) || DataType.isFixedSizeList(type) || DataType.isStruct(type) || DataType.isMap(type);
}

/** Text as DuckDB writes it inside a structure: bare, or quoted when it would be ambiguous. */
function quoted(text: string): string {
  const ambiguous = text === '' || text.trim() !== text || /[',:=[\]{}()"\\]/.test(text) || text.toUpperCase() === 'NULL';
  return ambiguous ? `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : text;
}
