import { describe, expect, it } from 'vitest';
import { columnNames, guessDialect, splitFields } from '../../src/engine/csv-dialect.ts';

describe('splitting a CSV line', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['a,"b,c",d', ',', ['a', 'b,c', 'd']],
    ['"say ""hi""",x', ',', ['say "hi"', 'x']],
    ['5" screen,x', ',', ['5" screen', 'x']],
    ['a;b;3,5', ';', ['a', 'b', '3,5']],
    ['a\tb', '\t', ['a', 'b']],
    ['', ',', ['']],
    ['a,', ',', ['a', '']],
  ] as const)('%j on %j', (line, delimiter, fields) => {
    expect(splitFields(line, delimiter)).toEqual(fields);
  });
});

describe('guessing a dialect from the first lines', () => {
  it.each([
    ['plain commas', 'id,name\n1,Ann\n2,Bo\n', { delimiter: ',', skip: 0, columns: ['id', 'name'] }],
    ['semicolons with decimal commas', 'id;amount\n1;3,5\n2;4,25\n', { delimiter: ';', skip: 0, columns: ['id', 'amount'] }],
    ['semicolons with ragged rows', 'id;name;amount\n1;Ann;3,5\n2;Bo;4,25;extra\n3;Cy\n4;Di;7\n', { delimiter: ';', skip: 0, columns: ['id', 'name', 'amount'], score: 3 }],
    ['tabs', 'a\tb\tc\n1\t2\t3\n', { delimiter: '\t', columns: ['a', 'b', 'c'] }],
    ['pipes', 'a|b\n1|2\n3|4\n', { delimiter: '|', columns: ['a', 'b'] }],
    ['a preamble line', 'Exported on 2024-01-01\nid,name\n1,Ann\n2,Bo\n', { delimiter: ',', skip: 1, columns: ['id', 'name'], headerLine: 'id,name' }],
    ['two preamble lines and CRLF', 'Report\r\nby shop\r\nid;n\r\n1;2\r\n3;4\r\n', { delimiter: ';', skip: 2, columns: ['id', 'n'] }],
    ['quoted commas do not count', 'id,name\n1,"Sport-100 Helmet, Red"\n2,"x, y"\n', { delimiter: ',', columns: ['id', 'name'], score: 3 }],
    ['blank and duplicate header names', 'a,,a\n1,2,3\n', { columns: ['a', 'column1', 'a_2'] }],
  ] as const)('%s', (_, text, expected) => {
    expect(guessDialect(text)).toMatchObject(expected);
  });

  it('honours what the cell says', () => {
    expect(guessDialect('x;y\n1;2\n', { header: false })).toMatchObject({ header: false, columns: ['column0', 'column1'] });
    expect(guessDialect('junk\nid|n\n1|2\n', { skip: 1 })).toMatchObject({ skip: 1, delimiter: '|', columns: ['id', 'n'] });
    expect(guessDialect('a,b;c\n1,2;3\n', { delimiter: ',' })).toMatchObject({ delimiter: ',', columns: ['a', 'b;c'] });
  });

  it('gives up when nothing splits the lines', () => {
    expect(guessDialect('just\nsome words\n')).toBeNull();
    expect(guessDialect('')).toBeNull();
  });

  it('ignores a last line cut off mid-way when the text is only the start of the file', () => {
    expect(guessDialect('a;b\n1;2\n3;4\n5', {}, false)).toMatchObject({ score: 3 });
  });

  it('names missing columns like DuckDB', () => {
    expect(columnNames(['id'], 3)).toEqual(['id', 'column1', 'column2']);
  });
});

describe('guessing a dialect: header before preamble', () => {
  it.each([
    ['a short semicolon file with decimal commas', 'id;name;amount\n1;Ann;3,5\n2;Bo;4,25;extra\n3;Cy\n', { delimiter: ';', skip: 0 }],
    ['decimal commas in every row, a few ragged rows', `id;amount\n${Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? `${i};1,5;x` : `${i};${i},5`)).join('\n')}\n`, { delimiter: ';', skip: 0 }],
    ['a real preamble still wins when nothing else fits', 'Exported on 2024-01-01\nid,name\n1,Ann\n', { delimiter: ',', skip: 1 }],
  ] as const)('%s', (_, text, expected) => {
    expect(guessDialect(text)).toMatchObject(expected);
  });
});
