/**
 * Programme test data on a fresh app: firm A (安海镇, 2025 figures, one invention patent in force, a valid 高企
 * certificate) with its enterprise user, firm B with another enterprise user (`other`), one client per remaining
 * role, and helpers to open a science-plan call and to fill a complete form. The test clock stands at 2026-11-26
 * (China time) unless a test moves it.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';
import type { ApplicationDetail, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import { expect } from 'vitest';
import {
  client,
  createTestApp,
  signIn,
  userClient,
  type Client,
  type TestContext,
} from '../../../test/harness.ts';

export const ANHAI = '350582101';
export const FIRM_A = '91350582MA0000001X';
export const FIRM_B = '91350582MA0000002X';
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export type Who = Role | 'anonymous' | 'other';
export const ALL: Who[] = [
  'admin',
  'officer',
  'leader',
  'town',
  'enterprise',
  'expert',
  'bank',
  'provider',
  'anonymous',
];

/** The fields a science-plan form needs beyond the pre-filled ones. */
export const COMPLETE = {
  projectTitle: '智能鞋底成型装备研发',
  summary: '研发面向运动鞋底的智能成型装备，实现在线检测与工艺参数自适应，提升良品率。',
  level: '晋江市级',
  requestedWan: 50,
  contactName: '张三',
  contactPhone: '0595-85000000',
};

export interface ProgrammesFixture {
  t: TestContext;
  as: (who: Who) => Client;
  enterprises: { a: string; b: string };
  /** Drafts and opens a science-plan call as the officer. */
  openCall(fields?: Record<string, unknown>): Promise<CallDetail>;
  /** Starts firm A's (or B's) application for the call. */
  start(callId: string, who?: 'enterprise' | 'other'): Promise<ApplicationDetail>;
  /** Fills the form completely and submits it; returns the detail after submission. */
  submit(id: string, who?: 'enterprise' | 'other'): Promise<ApplicationDetail>;
  act(who: Who, id: string, action: string, reason?: string): Promise<ApplicationDetail>;
  /** Sets the clock to `instant` and signs `who` in again (sessions lapse after 30 idle minutes). */
  travelTo(instant: string, who?: Who[]): Promise<void>;
}

async function enterprise(t: TestContext, uscc: string, name: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code, industry_code) VALUES ($1, $2, $3, 'C1952') RETURNING id`,
    [uscc, name, ANHAI],
  );
  return rows[0]!.id;
}

export async function programmesFixture(): Promise<ProgrammesFixture> {
  const t = await createTestApp();
  const enterprises = {
    a: await enterprise(t, FIRM_A, '甲鞋业有限公司'),
    b: await enterprise(t, FIRM_B, '乙纺织有限公司'),
  };
  await t.db.query(
    `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, rd_fen, staff, tech_staff)
     VALUES ($1, 2024, 2000000000, 60000000, 180, 30), ($1, 2025, 3123456789, 98765432, 200, 36)`,
    [enterprises.a],
  );
  await t.db.query(
    `INSERT INTO qualifications (holder_type, holder_id, kind, certificate_no, issued_on, valid_to)
     VALUES ('enterprise', $1, 'hnte', 'GR202435000001', '2024-12-01', '2027-11-30'),
            ('enterprise', $1, 'tsme', '2023350582A0001', '2023-05-01', '2023-12-31')`,
    [enterprises.a],
  );
  for (const [no, type, granted] of [
    ['CN202310000001.1', 'invention', '2024-06-01'],
    ['CN202320000002.2', 'utility', '2024-03-01'],
    ['CN202310000003.3', 'invention', null],
  ] as const) {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO patents (application_no, type, title, filed_on, granted_on, legal_status, applicant_kind, town_code, expires_on)
       VALUES ($1, $2, '鞋底', '2023-01-10', $3, $4, 'enterprise', $5, '2043-01-10') RETURNING id`,
      [no, type, granted, granted ? 'granted' : 'pending', ANHAI],
    );
    await t.db.query(
      `INSERT INTO patent_applicants (patent_id, position, holder_type, holder_id, name) VALUES ($1, 1, 'enterprise', $2, 'x')`,
      [rows[0]!.id, enterprises.a],
    );
  }
  const c: Partial<Record<Who, Client>> = {};
  const usernames: Partial<Record<Who, string>> = {};
  const users: [Who, Parameters<typeof userClient>[1]][] = [
    ...(['admin', 'officer', 'leader', 'expert', 'bank', 'provider'] as const).map(
      (role): [Who, { role: typeof role }] => [role, { role }],
    ),
    ['town', { role: 'town', scopeId: ANHAI }],
    ['enterprise', { role: 'enterprise', scopeId: FIRM_A }],
    ['other', { role: 'enterprise', scopeId: FIRM_B }],
  ];
  for (const [who, spec] of users) {
    const u = await userClient(t, spec);
    c[who] = u;
    usernames[who] = u.username;
  }
  c.anonymous = client(t.app);
  const as = (who: Who) => c[who]!;

  const openCall = async (fields: Record<string, unknown> = {}) => {
    const created = await as('officer').post('/api/programmes/calls', {
      kind: 'science_plan',
      title: '2026年度晋江市科技计划项目',
      year: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      budgetFen: 810_000_000,
      ...fields,
    });
    expect(created.statusCode, created.body).toBe(201);
    const opened = await as('officer').post(`/api/programmes/calls/${created.json<CallDetail>().id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json<CallDetail>();
  };
  const start = async (callId: string, who: 'enterprise' | 'other' = 'enterprise') => {
    const res = await as(who).post(`/api/programmes/calls/${callId}/applications`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ApplicationDetail>();
  };
  const act = async (who: Who, id: string, action: string, reason?: string) => {
    const res = await as(who).post(`/api/programmes/applications/${id}/transitions`, {
      action,
      ...(reason ? { reason } : {}),
    });
    expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(200);
    return res.json<ApplicationDetail>();
  };
  const submit = async (id: string, who: 'enterprise' | 'other' = 'enterprise') => {
    const current = (await as(who).get(`/api/programmes/applications/${id}`)).json<ApplicationDetail>();
    const saved = await as(who).put(`/api/programmes/applications/${id}/form`, {
      formData: {
        ...current.formData,
        enterpriseName: current.formData.enterpriseName ?? current.enterpriseName,
        uscc: current.uscc,
        ...COMPLETE,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return act(who, id, 'submit');
  };
  const travelTo = async (instant: string, who: Who[] = ['officer', 'enterprise']) => {
    t.clock.advance(Date.parse(instant) - t.clock.now().getTime());
    for (const w of who) c[w] = await signIn(t.app, usernames[w]!);
  };
  return { t, as, enterprises, openCall, start, submit, act, travelTo };
}
