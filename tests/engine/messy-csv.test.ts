/**
 * Messy files load with clear warnings instead of failing, and nothing is silently
 * dropped: every line of a file is a row, the header, a skipped preamble line, or a
 * rejected line listed with its number, reason and text. A bronze cell can override
 * what detection got wrong.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/engine/node-engine.ts';
import type { DuckEngine } from '../../src/engine/duck-engine.ts';
import type { FileIngestReport, IngestOptions } from '../../src/engine/api.ts';
import { parseNotebook } from '../../src/notebook/format.ts';
import { NotebookRuntime } from '../../src/runtime/notebook-runtime.ts';

const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
/** UTF-16 with its byte-order mark, as Excel's "Unicode Text" (little-endian) or some Mac tools (big-endian) save. */
const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = new DataView(new ArrayBuffer(2 + text.length * 2));
  bytes.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) bytes.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return new Uint8Array(bytes.buffer);
};
const UNICODE_TEXT = 'id\tname\tcity\n1\tZoé\tMünchen\n2\tNoël\tŁódź\n';

const FILES: Record<string, string | Uint8Array> = {
  'semicolons.csv': 'id;name;amount\n1;Ann;3,5\n2;Bo;4,25;extra\n3;Cy\n4;Di;7\n',
  'ragged.csv': 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n',
  'preamble.csv': 'Exported from ShopX on 2024-01-01\nid,name,amount\n1,Ann,3.5\n2,Bo,4.25\n3,Cy,7\n',
  'stray-quotes.csv': 'id,name,comment\n1,Ann,"ok, fine"\n2,Bo,5" screen\n3,Cy,"he said hi\n4,Di,good\n5,Ed,fine\n',
  'latin1-report.csv': latin1('Rapport généré le 01/01/2024\nid;nom;montant\n1;Zoé;3,5\n2;Noël;4\n3;Ana;1;x\n4;Íñigo;2\n'),
  'tabs.tsv': 'a\tb\n1\t2\n3\t4\n',
  'empty.csv': '',
  'excel-unicode.txt': utf16(UNICODE_TEXT, true),
  'odd-header.csv': 'a,a,,b\n1,2,3,4\n',
  'own-source.csv': 'id,_Source_File\n1,elsewhere.csv\n',
};

let engine: DuckEngine;
beforeEach(async () => {
  engine = await createNodeEngine();
  for (const [name, content] of Object.entries(FILES)) await engine.addFile(name, new Blob([content as BlobPart]));
});

const load = async (file: string, options?: IngestOptions) => {
  const result = await engine.ingest('bronze.t', [file], undefined, options);
  const rows = tableFromIPC(await engine.query('SELECT * EXCLUDE (_source_file) FROM bronze.t'))
    .toArray()
    .map((r) => r.toJSON());
  return { report: result.files[0]!, rows };
};

/** Every non-empty line of the file: the header, a skipped line, a row, or inside a rejected line. */
function accountedFor(file: string, report: FileIngestReport) {
  const content = FILES[file]!;
  const utf16le = typeof content !== 'string' && content[0] === 0xff && content[1] === 0xfe;
  const text = typeof content === 'string' ? content : new TextDecoder(utf16le ? 'utf-16le' : 'windows-1252').decode(content);
  const lines = text.split(/\r?\n/).filter((l) => l !== '').length;
  const rejectedLines = report.rejected.reduce((n, r) => n + (r.text ?? '').split('\n').length, 0);
  return { lines, accounted: (report.dialect?.header ? 1 : 0) + (report.skippedLines?.length ?? 0) + report.rows + rejectedLines };
}

describe('messy CSV files', () => {
  it('semicolons with ragged rows: read on ";", ragged lines listed, not read as one column', async () => {
    const { report, rows } = await load('semicolons.csv');
    expect(report.dialect).toMatchObject({ delimiter: ';', header: true, skipRows: 0 });
    expect(report.columns).toEqual(['id', 'name', 'amount']);
    expect(rows).toEqual([
      { id: '1', name: 'Ann', amount: '3,5' },
      { id: '4', name: 'Di', amount: '7' },
    ]);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'Expected Number of Columns: 3 Found: 4', text: '2;Bo;4,25;extra' },
      { line: 4, reason: 'Expected Number of Columns: 3 Found: 2', text: '3;Cy' },
    ]);
    expect(report.warnings).toEqual([
      "DuckDB's sniffer read each whole line as one column; 3 columns split on \";\" fit 3 of the first 5 lines, so the file was read that way. Lines with a different number of fields are set aside and listed, not loaded.",
      '2 lines could not be read as rows and were set aside, not loaded (line 3: Expected Number of Columns: 3 Found: 4).',
    ]);
  });

  it('ragged comma rows: the header decides the columns', async () => {
    const { report, rows } = await load('ragged.csv');
    expect(report.columns).toEqual(['a', 'b', 'c']);
    expect(rows).toHaveLength(2);
    expect(report.rejected.map((r) => [r.line, r.text])).toEqual([
      [3, '4,5'],
      [4, '6,7,8,9'],
    ]);
  });

  it('a preamble line is skipped and shown', async () => {
    const { report, rows } = await load('preamble.csv');
    expect(report.dialect).toMatchObject({ delimiter: ',', skipRows: 1 });
    expect(report.skippedLines).toEqual(['Exported from ShopX on 2024-01-01']);
    expect(report.warnings).toEqual(['1 line before the header was skipped: "Exported from ShopX on 2024-01-01".']);
    expect(rows).toHaveLength(3);
  });

  it('stray quotes: one inside a value is kept; an unclosed one is reported with the lines it swallowed', async () => {
    const { report, rows } = await load('stray-quotes.csv');
    expect(rows).toEqual([
      { id: '1', name: 'Ann', comment: 'ok, fine' },
      { id: '2', name: 'Bo', comment: '5" screen' },
    ]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ line: 4, text: '3,Cy,"he said hi\n4,Di,good\n5,Ed,fine' });
    expect(report.rejected[0]!.reason).toMatch(/unterminated quote.*Lines 4–6 were read as one row.*set "quote" to ""/);
  });

  it('stray quotes: with quote set to none, the swallowed lines load and the quoted comma is the one set aside', async () => {
    const { report, rows } = await load('stray-quotes.csv', { all: { quote: '' } });
    expect(report.overrides).toEqual({ quote: '' });
    expect(rows.map((r) => r.comment)).toEqual(['5" screen', '"he said hi', 'good', 'fine']);
    expect(report.rejected).toEqual([{ line: 2, reason: 'Expected Number of Columns: 3 Found: 4', text: '1,Ann,"ok, fine"' }]);
  });

  it('Latin-1 with a preamble, semicolons and a ragged row', async () => {
    const { report, rows } = await load('latin1-report.csv');
    expect(report).toMatchObject({ encoding: 'latin-1', columns: ['id', 'nom', 'montant'] });
    expect(report.dialect).toMatchObject({ delimiter: ';', skipRows: 1, header: true });
    expect(rows.map((r) => r.nom)).toEqual(['Zoé', 'Noël', 'Íñigo']);
    expect(report.skippedLines).toEqual(['Rapport généré le 01/01/2024']);
    expect(report.rejected).toEqual([{ line: 5, reason: 'Expected Number of Columns: 3 Found: 4', text: '3;Ana;1;x' }]);
    expect(report.warnings![0]).toMatch(/Not valid UTF-8: read as Latin-1/);
  });

  it('tab-separated files load as before, with no warnings', async () => {
    const { report, rows } = await load('tabs.tsv');
    expect(report).toMatchObject({ dialect: { delimiter: '\t' }, warnings: [], rejected: [] });
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('an empty file loads no rows, and the report says the file is empty', async () => {
    const { report, rows } = await load('empty.csv');
    expect(rows).toEqual([]);
    expect(report).toMatchObject({ rows: 0, rejected: [] });
    expect(report.warnings).toEqual(['The file is empty (0 bytes): there is nothing to load.']);
  });

  it('UTF-16 little-endian (Excel\'s "Unicode Text") loads with its accents', async () => {
    const { report, rows } = await load('excel-unicode.txt');
    expect(report).toMatchObject({ encoding: 'utf-16', bom: true, dialect: { delimiter: '\t' }, rejected: [] });
    expect(rows).toEqual([
      { id: '1', name: 'Zoé', city: 'München' },
      { id: '2', name: 'Noël', city: 'Łódź' },
    ]);
  });

  it('UTF-16 big-endian, which DuckDB cannot read, is refused with the way out instead of loading no rows', async () => {
    await engine.addFile('mac-unicode.txt', new Blob([utf16(UNICODE_TEXT, false)]));
    await expect(engine.ingest('bronze.t', ['mac-unicode.txt'])).rejects.toThrow(
      /mac-unicode\.txt could not be read: it is UTF-16 big-endian .*save it as UTF-8/,
    );
  });

  it.each([
    ['sales.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0], /sales\.xlsx could not be read: it is an Excel workbook \(\.xlsx\) or a zip archive, not a CSV file/],
    ['sales.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0], /it is an Excel 97–2003 workbook \(\.xls\)/],
    ['sales.csv.gz', [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0, 0], /it is gzip-compressed, not a CSV file; decompress it/],
  ])('%s is named for what it is, with what to do', async (name, bytes, message) => {
    await engine.addFile(name, new Blob([new Uint8Array(bytes)]));
    await expect(engine.ingest('bronze.t', [name])).rejects.toThrow(message);
  });

  it('empty and repeated header names get DuckDB\'s names, and the report says which', async () => {
    const { report, rows } = await load('odd-header.csv');
    expect(report.columns).toEqual(['a', 'a_1', 'column2', 'b']);
    expect(rows).toEqual([{ a: '1', a_1: '2', column2: '3', b: '4' }]);
    expect(report.warnings).toEqual([
      'Header names that were repeated or empty got new ones: column 2 ("a") is a_1, column 3 (empty) is column2.',
    ]);
  });

  it('a column of the file named like the source-file column keeps its values under a new name', async () => {
    const { report } = await load('own-source.csv');
    const rows = tableFromIPC(await engine.query('SELECT * FROM bronze.t')).toArray().map((r) => r.toJSON());
    // _source_file always says which file a row came from: lineage and silver rely on it.
    expect(rows).toEqual([{ id: '1', _Source_File_1: 'elsewhere.csv', _source_file: 'own-source.csv' }]);
    expect(report.columns).toEqual(['id', '_Source_File_1']);
    expect(report.warnings).toEqual([
      'The file has its own column "_Source_File"; bronze keeps the name _source_file for the file each row came from, so that column is _Source_File_1.',
    ]);
  });

  it.each(Object.keys(FILES))('%s: every line is accounted for', async (file) => {
    const { report } = await load(file);
    const { lines, accounted } = accountedFor(file, report);
    expect(accounted).toBe(lines);
  });
});

describe('ingest overrides', () => {
  it.each([
    ['header off: the header becomes a row', { all: { header: false } }, 'tabs.tsv', { rows: 3, columns: ['column0', 'column1'] }],
    ['skip lines', { all: { skip: 1, header: false } }, 'tabs.tsv', { rows: 2 }],
    ['a delimiter that splits nothing gives one column', { all: { delimiter: '|' } }, 'tabs.tsv', { rows: 2, columns: ['a\tb'] }],
    ['per-file options win over the general ones', { all: { delimiter: '|' }, files: [{ pattern: 'tab*', options: { delimiter: '\t' } }] }, 'tabs.tsv', { rows: 2, columns: ['a', 'b'] }],
    ['a per-file pattern that does not match changes nothing', { files: [{ pattern: 'other.csv', options: { header: false } }] }, 'tabs.tsv', { rows: 2, overrides: null }],
  ] as const)('%s', async (_, options, file, expected) => {
    const { report } = await load(file, options as IngestOptions);
    expect(report).toMatchObject(expected);
  });

  it('an encoding the cell sets is used, and a mismatch is pointed out', async () => {
    const { report, rows } = await load('latin1-report.csv', { all: { encoding: 'latin-1' } });
    expect(rows[0]!.nom).toBe('Zoé');
    expect(report.warnings).not.toContainEqual(expect.stringMatching(/Not valid UTF-8/));
    const wrong = await engine.ingest('bronze.u', ['tabs.tsv'], undefined, { all: { encoding: 'latin-1' } });
    expect(wrong.files[0]!.warnings![0]).toBe('Read as latin-1, as the cell says; its bytes look like utf-8.');
  });

  it('a bronze cell passes its options to the engine and the report shows them', async () => {
    const notebook = parseNotebook(
      '```bronze id=b\ntable: bronze.report\nfiles: latin1-report.csv\noptions: {delimiter: ";", skip: 1, encoding: latin-1}\n```\n',
    );
    const runtime = new NotebookRuntime(engine, notebook);
    await runtime.addFiles([{ name: 'latin1-report.csv', handle: new Blob([FILES['latin1-report.csv'] as BlobPart]) }], false);
    await runtime.runAll();
    const state = runtime.state('b');
    expect(state.status).toBe('done');
    expect(state.ingest!.files[0]).toMatchObject({
      overrides: { delimiter: ';', skip: 1, encoding: 'latin-1' },
      columns: ['id', 'nom', 'montant'],
      rows: 3,
    });
    expect(state.ingest!.files[0]!.rejected.map((r) => r.line)).toEqual([5]);
  });

  it('a bad option is a problem on the cell, and the cell does not run', async () => {
    const notebook = parseNotebook('```bronze id=b\ntable: bronze.t\nfiles: tabs.tsv\noptions: {delimiter: ";;"}\n```\n');
    const runtime = new NotebookRuntime(engine, notebook);
    expect(runtime.problems('b')).toEqual(['Options: delimiter must be one character (quote it: ";"), or tab, comma, semicolon, pipe.']);
    await runtime.runAll();
    expect(runtime.state('b').status).toBe('error');
  });
});
