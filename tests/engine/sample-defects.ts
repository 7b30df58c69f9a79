/**
 * Test helper: plant one defect in generated AdventureWorks files. Files are edited as
 * Latin-1 text, which maps every byte to one character and back, so everything not
 * touched (BOMs, UTF-8 names, CRLF) stays byte for byte as generated.
 */
import type { SampleFile } from '../../scripts/sample/index.ts';

export type Edit = (text: string) => string;

/** Applies `edit` to the named files (a copy of the list; the sample is not modified). */
export function editFiles(files: readonly SampleFile[], names: readonly string[], edit: Edit): SampleFile[] {
  return files.map((file) => {
    if (!names.includes(file.name)) return file;
    const edited = edit(Buffer.from(file.bytes).toString('latin1'));
    return { name: file.name, bytes: new Uint8Array(Buffer.from(edited, 'latin1')) };
  });
}

/** Rewrites field `column` of data line `line` (1 = the first line after the header). */
export function setField(column: string, line: number, value: string): Edit {
  return (text) => {
    const lines = text.split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').split(',');
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`No column ${column}`);
    const fields = splitCsv(lines[line]!);
    fields[index] = value;
    lines[line] = fields.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',');
    return lines.join('\r\n');
  };
}

/** Appends a data line (without its line end). */
export function appendLine(line: string): Edit {
  return (text) => `${text.replace(/\r\n$/, '')}\r\n${line}\r\n`;
}

/** The value of field `column` on data line `line`. */
export function fieldOf(file: SampleFile, column: string, line: number): string {
  const lines = Buffer.from(file.bytes).toString('latin1').split('\r\n');
  const header = lines[0]!.replace(/^\u00EF\u00BB\u00BF/, '').split(',');
  return splitCsv(lines[line]!)[header.indexOf(column)]!;
}

function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
