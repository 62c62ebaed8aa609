import { describe, expect, it } from 'vitest';
import {
  findHitechField,
  hitechFieldByCode,
  hitechFieldChildren,
  hitechFieldLabel,
  hitechFieldPath,
  hitechFields,
} from './hitech-fields.ts';
import { readHitechFields } from './reference-files.node.ts';

describe('高新技术领域 2016', () => {
  it('has 8 fields, 52 sub-fields and 254 items', () => {
    const count = (level: string) => hitechFields.filter((f) => f.level === level).length;
    expect([count('field'), count('subfield'), count('item')]).toEqual([8, 52, 254]);
  });

  it('agrees row for row with the shipped CSV', () => {
    expect(hitechFields).toEqual(readHitechFields());
  });

  it('labels the fields as the catalogue numbers them, 四、新材料 included', () => {
    expect(hitechFieldChildren(null).map(hitechFieldLabel)).toEqual([
      '一、电子信息',
      '二、生物与新医药',
      '三、航空航天',
      '四、新材料',
      '五、高技术服务',
      '六、新能源与节能',
      '七、资源与环境',
      '八、先进制造与自动化',
    ]);
  });

  it('finds 四、新材料 by its numbered or bare name', () => {
    expect(findHitechField('四、新材料')?.code).toBe('40');
    expect(findHitechField('新材料')?.code).toBe('40');
    expect(findHitechField('新材料料')).toBeUndefined();
  });

  it('labels sub-fields and items and walks the path', () => {
    const item = hitechFieldByCode('10101');
    expect(item && hitechFieldLabel(item)).toBe('1. 基础软件');
    const sub = hitechFieldByCode('101');
    expect(sub && hitechFieldLabel(sub)).toBe('（一）软件');
    expect(hitechFieldPath('10101').map((f) => f.name)).toEqual(['电子信息', '软件', '基础软件']);
  });

  it('finds a name that contains full-width parentheses', () => {
    expect(findHitechField('地理信息系统（GIS）软件')?.code).toBe('10106');
    expect(findHitechField('6. 地理信息系统（GIS）软件')?.code).toBe('10106');
  });
});
