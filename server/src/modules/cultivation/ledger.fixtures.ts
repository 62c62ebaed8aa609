/** Test factories of the ledger: registered enterprises (inserted directly) and their signed-in users. */
import { computeOrgCodeCheckDigit } from '@jinke/core/common/ids/org-code.ts';
import { USCC_CHARSET, makeUscc } from '@jinke/core/common/ids/uscc.ts';
import type { Database } from '../../platform/db/index.ts';
import { type Client, type TestContext, userClient } from '../../../test/harness.ts';

let next = 7000;

/** A valid credit code of a Jinjiang enterprise, distinct for each call in a process. */
export function ledgerUscc(): string {
  next++;
  let body = 'MA';
  let rest = next;
  for (let i = 0; i < 6; i++) {
    body += USCC_CHARSET[rest % 31] ?? '0';
    rest = Math.floor(rest / 31);
  }
  return makeUscc(`91350582${body}${computeOrgCodeCheckDigit(body)}`);
}

export interface LedgerEnterpriseRef {
  id: string;
  uscc: string;
  name: string;
}

export async function insertEnterprise(
  db: Database,
  fields: { townCode?: string; industryCode?: string | null; registeredOn?: string | null } = {},
): Promise<LedgerEnterpriseRef> {
  const uscc = ledgerUscc();
  const name = `账务测试企业${uscc.slice(10, 16)}有限公司`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code, industry_code, registered_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [uscc, name, fields.townCode ?? '350582101', fields.industryCode === undefined ? '6531' : fields.industryCode, fields.registeredOn ?? '2015-11-16'],
  );
  return { id: rows[0]!.id, uscc, name };
}

/** An enterprise user of `e`, signed in. */
export function enterpriseUser(t: TestContext, e: LedgerEnterpriseRef): Promise<Client> {
  return userClient(t, { role: 'enterprise', scopeId: e.uscc });
}

export const EN = { 'accept-language': 'en-US,en;q=0.9' };

export const project = (fields: Record<string, unknown> = {}) => ({
  code: 'RD2023-01',
  name: '智能交通信号控制系统研发',
  kind: 'own',
  startsOn: '2022-01-01',
  endsOn: '2023-12-31',
  ...fields,
});

export async function createProject(c: Client, fields: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const res = await c.post('/api/cultivation/ledger/projects', project(fields));
  if (res.statusCode !== 201) throw new Error(`creating a project failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function addEntry(
  c: Client,
  projectId: string,
  month: string,
  category: string,
  amountFen: number,
  extra: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const res = await c.post('/api/cultivation/ledger/entries', { projectId, month, category, amountFen, ...extra });
  if (res.statusCode !== 201) throw new Error(`adding an entry failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function countRows(db: Database, table: 'rd_projects' | 'rd_ledger_entries', enterpriseId: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE enterprise_id = $1`, [enterpriseId]);
  return Number(rows[0]!.n);
}
