import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/catalogue.ts';

function run(id: string, input: unknown): unknown {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} is not in the catalogue`);
  return rule.run(rule.input.parse(input));
}

describe('identifier rules in the catalogue', () => {
  it('registers ids.uscc, ids.patent-number, ids.id-card and ids.ipc once each, with citations', () => {
    for (const id of ['ids.uscc', 'ids.patent-number', 'ids.id-card', 'ids.ipc']) {
      const matching = rules.filter((r) => r.id === id);
      expect(matching, id).toHaveLength(1);
      expect(matching[0]?.citation).not.toBe('');
    }
  });

  it('runs ids.uscc on { code }', () => {
    expect(run('ids.uscc', { code: '91350100M000100Y4Z' })).toMatchObject({
      ok: false,
      rule: 'check_digit',
      expected: '3',
    });
  });

  it('runs ids.patent-number on { code }', () => {
    expect(run('ids.patent-number', { code: 'ZL 2012 2 0687633.0' })).toMatchObject({
      ok: true,
      type: 'utility',
    });
  });

  it('runs ids.id-card on { code }', () => {
    expect(run('ids.id-card', { code: '11010519491231002X' })).toMatchObject({ ok: true, sex: 'female' });
  });

  it('runs ids.ipc on { code } with the shipped catalogue', () => {
    expect(run('ids.ipc', { code: 'A43B 13/04' })).toMatchObject({ ok: true, title: '塑料、橡胶或硫化纤维' });
  });

  it('refuses an input without code', () => {
    const rule = rules.find((r) => r.id === 'ids.uscc');
    expect(rule?.input.safeParse({ number: 'x' }).success).toBe(false);
  });
});
