/**
 * Who may call each programmes endpoint, for every role and the anonymous, and what the workflow definition allows
 * in each phase: an enterprise reaches only its own application (another's answers 404), an officer acts only where
 * a transition names the officer, a leader reads only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, CallDetail } from '@jinke/core/programmes/api.contract.ts';
import { ALL, PDF, programmesFixture, type ProgrammesFixture, type Who } from './programmes.fixtures.ts';

let f: ProgrammesFixture;
let call: CallDetail;
let app: ApplicationDetail;
let attachmentId: string;

const DRAFT = {
  kind: 'innovation_award',
  title: '科技创新奖励',
  year: 2026,
  opensOn: '2026-11-01',
  closesOn: '2026-12-31',
  budgetFen: 100,
};

beforeAll(async () => {
  f = await programmesFixture();
  call = await f.openCall();
  app = await f.start(call.id);
  const res = await f
    .as('enterprise')
    .post(`/api/programmes/applications/${app.id}/attachments?fileName=a.pdf`, PDF, {
      'content-type': 'application/pdf',
    });
  attachmentId = res.json<{ id: string }>().id;
}, 120_000);
afterAll(() => f?.t.close());

/** Expects `allowed` to get `ok` and every other role 403 (401 for the anonymous). */
async function expectOnly(
  allowed: Who[],
  ok: number,
  call: (who: Who) => Promise<{ statusCode: number; body: string }>,
) {
  for (const who of ALL) {
    const res = await call(who);
    const want = allowed.includes(who) ? ok : who === 'anonymous' ? 401 : 403;
    expect(res.statusCode, `${who}: ${res.body}`).toBe(want);
  }
}

const STAFF: Who[] = ['admin', 'officer'];
const READERS: Who[] = ['admin', 'officer', 'leader', 'enterprise'];
const draft = async () => (await f.as('officer').post('/api/programmes/calls', DRAFT)).json<CallDetail>().id;
const appUrl = (rest = '') => `/api/programmes/applications/${app.id}${rest}`;

describe('calls', () => {
  it('definitions: admin and officer', async () => {
    await expectOnly(STAFF, 200, (w) => f.as(w).get('/api/programmes/definitions'));
  });

  it('lists and reads calls: admin, officer, leader, enterprise', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/programmes/calls'));
    await expectOnly(READERS, 200, (w) => f.as(w).get(`/api/programmes/calls/${call.id}`));
  });

  it('drafts, changes and deletes calls: admin and officer', async () => {
    await expectOnly(STAFF, 201, (w) => f.as(w).post('/api/programmes/calls', DRAFT));
    const id = await draft();
    await expectOnly(STAFF, 200, (w) =>
      f.as(w).put(`/api/programmes/calls/${id}`, { ...DRAFT, title: `${w}改` }),
    );
    const ids = [await draft(), await draft()];
    await expectOnly(STAFF, 204, (w) =>
      f.as(w).delete(`/api/programmes/calls/${ids[STAFF.indexOf(w)] ?? ids[0]}`),
    );
  });

  it('opens and closes calls: admin and officer', async () => {
    const ids = [await draft(), await draft()];
    await expectOnly(STAFF, 200, (w) =>
      f.as(w).post(`/api/programmes/calls/${ids[STAFF.indexOf(w)] ?? ids[0]}/open`),
    );
    await expectOnly(STAFF, 200, (w) =>
      f.as(w).post(`/api/programmes/calls/${ids[STAFF.indexOf(w)] ?? ids[0]}/close`),
    );
  });
});

describe('applications in the draft phase', () => {
  it('starts an application: enterprise only', async () => {
    const other = await f.openCall({ title: '另一通知' });
    await expectOnly(['enterprise'], 201, (w) =>
      f.as(w).post(`/api/programmes/calls/${other.id}/applications`),
    );
  });

  it('lists, reads, timeline and attachment: admin, officer, leader and the applicant', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get('/api/programmes/applications'));
    await expectOnly(READERS, 200, (w) => f.as(w).get(appUrl()));
    await expectOnly(READERS, 200, (w) => f.as(w).get(appUrl('/timeline')));
    await expectOnly(READERS, 200, (w) => f.as(w).get(appUrl(`/attachments/${attachmentId}`)));
  });

  it('saves the form and uploads: the applicant only', async () => {
    await expectOnly(['enterprise'], 200, (w) =>
      f.as(w).put(appUrl('/form'), { formData: { projectTitle: '项目名称' } }),
    );
    await expectOnly(['enterprise'], 201, (w) =>
      f.as(w).post(appUrl('/attachments?fileName=b.pdf'), PDF, { 'content-type': 'application/pdf' }),
    );
  });

  it('another enterprise gets 404 on every application endpoint', async () => {
    const other = f.as('other');
    for (const res of [
      await other.get(appUrl()),
      await other.get(appUrl('/timeline')),
      await other.get(appUrl(`/attachments/${attachmentId}`)),
      await other.put(appUrl('/form'), { formData: {} }),
      await other.post(appUrl('/attachments?fileName=c.pdf'), PDF, { 'content-type': 'application/pdf' }),
      await other.post(appUrl('/transitions'), { action: 'submit' }),
    ])
      expect(res.statusCode, res.body).toBe(404);
    const list = await other.get('/api/programmes/applications');
    expect(list.json().items).toEqual([]);
  });

  it('acting in the draft phase: only the applicant; the engine refuses staff (403), the route everyone else', async () => {
    // The applicant reaches the engine, which refuses the incomplete form (400); everyone else is refused.
    await expectOnly(['enterprise'], 400, (w) => f.as(w).post(appUrl('/transitions'), { action: 'submit' }));
    // A transition the phase does not have at all.
    const unknown = await f.as('officer').post(appUrl('/transitions'), { action: 'accept' });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.code).toBe('PROGRAMME_ACTION_UNAVAILABLE');
  });
});

describe('applications in the formal-check phase', () => {
  beforeAll(async () => {
    app = await f.submit(app.id);
  });

  it('the applicant can no longer edit; staff still cannot edit', async () => {
    expect((await f.as('enterprise').put(appUrl('/form'), { formData: {} })).statusCode).toBe(409);
    expect((await f.as('officer').put(appUrl('/form'), { formData: {} })).statusCode).toBe(403);
  });

  it('the officer and admin may return; the applicant may not accept (403); the leader may not act', async () => {
    expect(
      (await f.as('enterprise').post(appUrl('/transitions'), { action: 'return', reason: '自己退回' }))
        .statusCode,
    ).toBe(403);
    expect((await f.as('enterprise').post(appUrl('/transitions'), { action: 'accept' })).statusCode).toBe(
      403,
    );
    for (const who of ['expert', 'bank', 'provider', 'town', 'leader'] as const)
      expect((await f.as(who).post(appUrl('/transitions'), { action: 'accept' })).statusCode, who).toBe(403);
    expect((await f.as('anonymous').post(appUrl('/transitions'), { action: 'accept' })).statusCode).toBe(401);
    await f.act('admin', app.id, 'return', '缺少营业执照');
    await f.act('enterprise', app.id, 'resubmit');
    await f.act('officer', app.id, 'accept');
  });

  it('in expert review the leader and the applicant still read; nobody edits', async () => {
    await expectOnly(READERS, 200, (w) => f.as(w).get(appUrl()));
    const mine = (await f.as('enterprise').get(appUrl())).json<ApplicationDetail>();
    expect(mine.phaseName.zh).toBe('评审中');
    expect(mine.editable).toBe(false);
    expect(mine.actions).toEqual([]);
    const leader = (await f.as('leader').get(appUrl())).json<ApplicationDetail>();
    expect(leader.phaseName.zh).toBe('专家评审');
    expect(leader.actions).toEqual([]);
  });
});
