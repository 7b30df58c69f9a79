import { slugify } from '../notebook/ids.ts';

/**
 * A bronze table name for a dropped file: `AW_Sales_2016 - Copy.csv` → `bronze.aw_sales_2016_copy`.
 * Names already taken get a numeric suffix.
 */
export function bronzeTableName(fileName: string, taken: ReadonlySet<string>): string {
  const stem = slugify(fileName.replace(/\.[^.]+$/, '')).replace(/-/g, '_') || 'file';
  const base = /^[0-9]/.test(stem) ? `t_${stem}` : stem;
  let name = `bronze.${base}`;
  for (let n = 2; taken.has(name); n++) name = `bronze.${base}_${n}`;
  return name;
}
