/** Test factories for enterprises: valid generated codes and records created through the API by an officer. */
import { computeOrgCodeCheckDigit } from '@jinke/core/common/ids/org-code.ts';
import { USCC_CHARSET, makeUscc } from '@jinke/core/common/ids/uscc.ts';
import type { Client } from '../../../test/harness.ts';

/** A valid USCC of a Jinjiang enterprise (91 350582 MA……), distinct for each `n` below 31⁶. */
export function testUscc(n: number): string {
  let body = 'MA';
  let rest = n;
  for (let i = 0; i < 6; i++) {
    body += USCC_CHARSET[rest % 31] ?? '0';
    rest = Math.floor(rest / 31);
  }
  return makeUscc(`91350582${body}${computeOrgCodeCheckDigit(body)}`);
}

let next = 1000;

export interface EnterpriseRef {
  id: string;
  uscc: string;
  name: string;
}

/** Registers an enterprise as `officer`; fails the test when the API refuses. */
export async function createEnterprise(
  officer: Client,
  fields: Record<string, unknown> = {},
): Promise<EnterpriseRef> {
  next++;
  const body = { uscc: testUscc(next), name: `测试企业${next}有限公司`, townCode: '350582101', ...fields };
  const res = await officer.post('/api/enterprises', body);
  if (res.statusCode !== 201) throw new Error(`creating an enterprise failed: ${res.statusCode} ${res.body}`);
  const e = res.json<EnterpriseRef>();
  return { id: e.id, uscc: e.uscc, name: e.name };
}

export const EN = { 'accept-language': 'en-US,en;q=0.9' };

export function fieldsOf(body: { error: { details: { fields: { field: string }[] } } }): string[] {
  return body.error.details.fields.map((f) => f.field);
}
