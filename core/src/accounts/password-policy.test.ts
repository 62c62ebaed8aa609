import { describe, expect, it } from 'vitest';
import { checkPassword, countCharacterClasses } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a 10-character password with three classes', () => {
    expect(checkPassword('Abcdefgh12', 'alice')).toEqual([]);
  });
  it('rejects 9 characters even with four classes', () => {
    expect(checkPassword('Abcdef1!x', 'alice')).toEqual(['too_short']);
  });
  it('rejects two classes', () => {
    expect(checkPassword('abcdefghij12', 'alice')).toEqual(['too_few_classes']);
  });
  it('rejects a password containing the username in any case', () => {
    expect(checkPassword('xxALICE-2026', 'alice')).toEqual(['contains_username']);
  });
  it('counts classes', () => {
    expect(countCharacterClasses('aA1!')).toBe(4);
    expect(countCharacterClasses('中文密码')).toBe(1);
  });
});
