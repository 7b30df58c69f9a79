/** A result's columns as cell-templates.ts reads them: kind of value, and distinct values shown. */
import { DataType, type Table } from 'apache-arrow';
import type { StartingColumn } from './cell-templates.ts';

export function startingColumns(preview: Table): StartingColumn[] {
  return preview.schema.fields.map((field, i) => {
    const type = field.type as DataType;
    const kind: StartingColumn['type'] = DataType.isInt(type)
      ? 'integer'
      : DataType.isFloat(type) || DataType.isDecimal(type)
        ? 'fractional'
        : DataType.isUtf8(type) || DataType.isLargeUtf8(type)
          ? 'text'
          : 'other';
    const values = preview.getChildAt(i)!;
    const seen = new Set<unknown>();
    if (kind === 'text') for (let r = 0; r < values.length; r++) seen.add(values.get(r));
    return { name: field.name, type: kind, distinct: seen.size };
  });
}
