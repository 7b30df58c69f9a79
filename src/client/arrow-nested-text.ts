/**
 * Lists, structs and maps as DuckDB prints them: `[1, 2, 3]`, `{'a': 1, 'b': x}`,
 * `{k=1, j=2}`, each value inside written by its own type (a decimal `1.50`, a date
 * `2017-01-02`, not Arrow's scaled integers or milliseconds). A value's text is quoted, as
 * DuckDB does, when it could be read as part of the structure: `'b, c'`, `'it\'s'`, `'01:02:03'`.
 *
 * The structure is walked by its child vectors and row numbers, not by the values Arrow's
 * getters return: an interval has to be read from its vector's buffer (arrow-text.ts), and
 * inside a struct or a map Arrow hands out only the getter's (wrong) value.
 */
import { DataType, Vector, type Field } from 'apache-arrow';

/** How the scalar at `row` of `vector` is written inside a structure. */
export type ScalarText = (vector: Vector, row: number) => string | null;

/** The structure at `row` of `vector` (a list, struct or map column), which is not null. */
export function nestedText(vector: Vector, row: number, scalar: ScalarText): string {
  const inner = (items: Vector, at: number): string => {
    if (!items.isValid(at)) return 'NULL';
    if (isNested(items.type)) return nestedText(items, at, scalar);
    // Any value's text, not only a string's: a TIME's 01:02:03 is quoted too.
    return quoted(scalar(items, at) ?? 'NULL');
  };
  const type = vector.type as DataType;
  if (DataType.isMap(type)) {
    const entries = mapEntries(vector, row);
    const keys = entries.getChildAt(0)!;
    const values = entries.getChildAt(1)!;
    const pairs: string[] = [];
    for (let i = 0; i < entries.length; i++) pairs.push(`${inner(keys, i)}=${inner(values, i)}`);
    return `{${pairs.join(', ')}}`;
  }
  if (DataType.isStruct(type)) {
    const fields = type.children.map((f: Field, k: number) => `'${f.name}': ${inner(vector.getChildAt(k)!, row)}`);
    return `{${fields.join(', ')}}`;
  }
  const list = vector.get(row) as Vector; // a list's items, as a vector of its child type
  const items: string[] = [];
  for (let i = 0; i < list.length; i++) items.push(inner(list, i));
  return `[${items.join(', ')}]`;
}

export function isNested(type: DataType): boolean {
  return DataType.isList(type) || DataType.isFixedSizeList(type) || DataType.isStruct(type) || DataType.isMap(type);
}

/** A map's entries at `row` as a vector of {key, value} structs (Arrow's getter keeps them private). */
function mapEntries(vector: Vector, row: number): Vector {
  let index = row;
  for (const data of vector.data) {
    if (index >= data.length) {
      index -= data.length;
      continue;
    }
    const offsets = data.valueOffsets as Int32Array;
    const begin = offsets[index]!;
    return new Vector([data.children[0]!.slice(begin, offsets[index + 1]! - begin)]);
  }
  throw new RangeError(`row ${row} is past the map column's ${vector.length} rows`);
}

/** Text as DuckDB writes it inside a structure: bare, or quoted when it would be ambiguous. */
function quoted(text: string): string {
  const ambiguous = text === '' || text.trim() !== text || /[',:=[\]{}()"\\]/.test(text) || text.toUpperCase() === 'NULL';
  return ambiguous ? `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : text;
}
