import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvRecords } from './csv.ts';

describe('parseCsv', () => {
  it('splits plain fields and LF or CRLF lines', () => {
    expect(parseCsv('a,b\n1,2\r\n3,\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', ''],
    ]);
  });
  it('keeps commas, quotes and new lines inside quoted fields', () => {
    expect(parseCsv('code,title\nA01G18/20,"培养基,例如培养料"\nX,"say ""hi""\nthere"')).toEqual([
      ['code', 'title'],
      ['A01G18/20', '培养基,例如培养料'],
      ['X', 'say "hi"\nthere'],
    ]);
  });
  it('drops a byte-order mark', () => {
    expect(parseCsv('\ufeffa\n1')).toEqual([['a'], ['1']]);
  });
  it('fails when a quoted field is not closed', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/quoted/);
  });
});

describe('readCsvRecords', () => {
  it('keys rows by the header when it matches', () => {
    expect(readCsvRecords('code,name\n1,x\n', ['code', 'name'])).toEqual([{ code: '1', name: 'x' }]);
  });
  it('fails when the header differs', () => {
    expect(() => readCsvRecords('code,title\n1,x\n', ['code', 'name'])).toThrow(/header/);
  });
  it('fails when a row has the wrong number of fields', () => {
    expect(() => readCsvRecords('code,name\n1,x,y\n', ['code', 'name'])).toThrow(/row 2/);
  });
});
