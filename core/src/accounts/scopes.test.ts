import { describe, expect, it } from 'vitest';
import { normaliseScopeId, scopeIdHasShape } from './scopes.ts';

describe('scope id shapes', () => {
  it('accepts an 18-character USCC and refuses one with a letter the standard never uses', () => {
    expect(scopeIdHasShape('enterprise', '91350582MA8RFY385R')).toBe(true);
    expect(scopeIdHasShape('enterprise', '91350582MA8RFY385I')).toBe(false);
    expect(scopeIdHasShape('enterprise', '91350582MA8RFY385')).toBe(false);
    expect(scopeIdHasShape('enterprise', '9135058XMA8RFY385R')).toBe(false);
  });
  it('upper-cases a USCC typed in lower case and leaves other ids alone when normalising', () => {
    expect(normaliseScopeId('enterprise', ' 91350582ma8rfy385r ')).toBe('91350582MA8RFY385R');
    expect(normaliseScopeId('expert', 'exp-0001')).toBe('exp-0001');
  });
  it('wants nine digits for a town and a plain record id for experts, banks and providers', () => {
    expect(scopeIdHasShape('town', '350582101')).toBe(true);
    expect(scopeIdHasShape('town', '350582')).toBe(false);
    expect(scopeIdHasShape('bank', 'BANK-0001')).toBe(true);
    expect(scopeIdHasShape('provider', 'PRV 0001')).toBe(false);
  });
});
