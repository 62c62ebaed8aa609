import { describe, expect, it } from 'vitest';
import { createIpcCatalogue, ipcTitle, parseIpcCsv, validateIpcCode } from './ipc.ts';
import { loadIpcCatalogue } from './reference-files.node.ts';

const catalogue = loadIpcCatalogue();

describe('shipped IPC catalogue', () => {
  it('holds every parsable entry of the source: 77,246 rows', () => {
    expect(catalogue.size).toBe(77_246);
    expect(catalogue.edition).toBe('2026.01');
  });

  it('has the Chinese titles of A, A43 and A43B', () => {
    expect(catalogue.get('A')?.title).toBe('人类生活必需');
    expect(catalogue.get('A43B')).toEqual({
      code: 'A43B',
      level: 'subclass',
      title: '鞋类的特征；鞋类的部件',
      parent: 'A43',
    });
  });

  it('keeps titles that contain commas inside quotes', () => {
    expect(catalogue.get('A01G18/20')?.title).toBe('培养基,例如培养料');
  });
});

describe('validateIpcCode', () => {
  it('accepts A43B 13/04 with its title and hierarchy', () => {
    const result = validateIpcCode('A43B 13/04', catalogue);
    expect(result).toMatchObject({
      ok: true,
      normalized: 'A43B13/04',
      display: 'A43B 13/04',
      level: 'subgroup',
      title: '塑料、橡胶或硫化纤维',
    });
    expect(result.ok && result.hierarchy.map((e) => e.code)).toEqual([
      'A',
      'A43',
      'A43B',
      'A43B13/00',
      'A43B13/04',
    ]);
  });

  it.each(['A43B13/04', 'a43b 13/04', ' A43B  13 / 04 ', 'Ａ４３Ｂ１３／０４', 'A43B 0013/04'])(
    'normalises %s to A43B13/04',
    (text) => {
      expect(validateIpcCode(text, catalogue)).toMatchObject({ ok: true, normalized: 'A43B13/04' });
    },
  );

  it('accepts a main group and titles it', () => {
    expect(validateIpcCode('A43B 13/00', catalogue)).toMatchObject({
      ok: true,
      level: 'group',
      title: '鞋底；鞋底和鞋跟整体单元',
    });
    expect(validateIpcCode('A43B 13/000', catalogue)).toMatchObject({ ok: true, normalized: 'A43B13/00' });
  });

  it('rejects an unknown subgroup and points at the nearest known ancestor', () => {
    const result = validateIpcCode('A43B 13/99', catalogue);
    expect(result).toMatchObject({ ok: false, rule: 'unknown_code' });
    expect(!result.ok && result.nearest?.code).toBe('A43B13/00');
  });

  it('rejects H01L (moved to H10 in IPC 2026.01) with unknown_code and the class as nearest', () => {
    const result = validateIpcCode('H01L 21/00', catalogue);
    expect(result).toMatchObject({ ok: false, rule: 'unknown_code', nearest: { code: 'H01' } });
  });

  it.each([
    'A43B',
    'A43',
    'A',
    'A43B 13',
    'A43B/04',
    'I43B 13/04',
    'A4B 13/04',
    'A43B 13/4',
    'A43B 0/00',
    'A43B 13-04',
    '',
  ])('rejects "%s" with format', (text) => {
    expect(validateIpcCode(text, catalogue)).toMatchObject({ ok: false, rule: 'format' });
  });
});

describe('ipcTitle', () => {
  it('titles sections, classes, subclasses and main groups', () => {
    expect(ipcTitle('A', catalogue)).toBe('人类生活必需');
    expect(ipcTitle('A01', catalogue)).toBe('农业；林业；畜牧业；狩猎；诱捕；捕鱼');
    expect(ipcTitle('a43b', catalogue)).toBe('鞋类的特征；鞋类的部件');
    expect(ipcTitle('A43B 13/00', catalogue)).toBe('鞋底；鞋底和鞋跟整体单元');
    expect(ipcTitle('Z99', catalogue)).toBeUndefined();
  });
});

describe('parseIpcCsv', () => {
  it('parses a small file and rejects an unknown level', () => {
    const entries = parseIpcCsv('code,level,title,parent\nA,section,人类生活必需,\nA01,class,农业,A\n');
    expect(createIpcCatalogue(entries, 'test').get('A01')).toEqual({
      code: 'A01',
      level: 'class',
      title: '农业',
      parent: 'A',
    });
    expect(() => parseIpcCsv('code,level,title,parent\nA,part,x,\n')).toThrow(/unknown level/);
  });
});
