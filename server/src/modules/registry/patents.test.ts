import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '@jinke/core/common/ids/uscc.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
let officer: Client;
const EN = { 'accept-language': 'en-US' };
const ANHAI = '350582101';
const CIZAO = '350582102';
const USCC_A = '91350582MA8RFY385R';
const USCC_B = makeUscc('91350582MA2XYR01K');
let enterpriseA: string;
let enterpriseB: string;
const ids = { sole: '', tile: '', zip: '', pending: '' };

async function addEnterprise(uscc: string, name: string, town: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    'INSERT INTO enterprises (uscc, name, town_code) VALUES ($1, $2, $3) RETURNING id',
    [uscc, name, town],
  );
  return rows[0]!.id;
}

async function patentCount(): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM patents');
  return Number(rows[0]!.n);
}

const shoeSole = {
  applicationNo: '201710601862.3',
  title: '一种石墨烯运动鞋底及其制备方法',
  ipcCodes: ['A43B 13/04'],
  filedOn: '2017-07-26',
  publishedOn: '2017-11-10',
  grantedOn: '2019-03-12',
  applicants: [
    { holderType: 'enterprise', uscc: USCC_A },
    { holderType: 'person', name: '王某' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  enterpriseA = await addEnterprise(USCC_A, '晋江交发科技有限公司', ANHAI);
  enterpriseB = await addEnterprise(USCC_B, '福建磁灶陶瓷有限公司', CIZAO);
  const created = await officer.post('/api/patents', shoeSole);
  expect(created.statusCode).toBe(201);
  ids.sole = created.json().id;
  const utility = await officer.post('/api/patents', {
    applicationNo: '2012 2 0687633.0',
    title: '一种陶瓷砖切割装置',
    ipcCodes: ['B28D1/00'],
    filedOn: '2012-12-14',
    grantedOn: '2013-06-05',
    applicants: [{ holderType: 'enterprise', holderId: enterpriseB }],
  });
  expect(utility.statusCode).toBe(201);
  ids.tile = utility.json().id;
  const lapsed = await officer.post('/api/patents', {
    applicationNo: '201510958772.0',
    title: '一种拉链自动装配设备',
    filedOn: '2015-12-17',
    grantedOn: '2018-05-01',
    lapsedOn: '2021-12-17',
    applicants: [{ holderType: 'enterprise', name: '晋江交发科技有限公司' }],
  });
  expect(lapsed.statusCode).toBe(201);
  ids.zip = lapsed.json().id;
});
afterAll(() => t.close());

describe('registering a patent', () => {
  it('normalises the number, derives the type, term and status, and links applicants to registry records', async () => {
    const sole = (await officer.get(`/api/patents/${ids.sole}`)).json();
    expect(sole).toMatchObject({
      applicationNo: '201710601862.3',
      type: 'invention',
      legalStatus: 'granted',
      expiresOn: '2037-07-25',
      validToday: true,
      ipcCodes: ['A43B13/04'],
      applicantKind: 'enterprise',
      townCode: ANHAI,
      townName: '安海镇',
      applicants: [
        { position: 1, holderType: 'enterprise', holderId: enterpriseA, name: '晋江交发科技有限公司' },
        { position: 2, holderType: 'person', holderId: null, name: '王某' },
      ],
    });
    const tile = (await officer.get(`/api/patents/${ids.tile}`)).json();
    expect(tile).toMatchObject({
      applicationNo: '201220687633.0',
      type: 'utility',
      legalStatus: 'expired',
      expiresOn: '2022-12-13',
      validToday: false,
      townCode: CIZAO,
    });
    const zip = (await officer.get(`/api/patents/${ids.zip}`)).json();
    expect(zip).toMatchObject({ legalStatus: 'lapsed', applicants: [{ holderId: enterpriseA }] });
  });

  it('answers 400 naming the check-digit rule and the expected character when the check digit is corrupted, and writes nothing', async () => {
    const before = await patentCount();
    const res = await officer.post('/api/patents', { ...shoeSole, applicationNo: '201710601862.4' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'applicationNo', rule: 'check_digit', message: 'applicationNo 校验位应为 3' },
    ]);
    const old = await officer.post(
      '/api/patents',
      { ...shoeSole, applicationNo: '95115608.1', filedOn: '1995-10-05' },
      EN,
    );
    expect(old.json().error.details.fields[0]).toMatchObject({
      field: 'applicationNo',
      rule: 'check_digit',
      message: 'applicationNo The check character should be X',
    });
    const digit = await officer.post('/api/patents', { ...shoeSole, applicationNo: '201740601862.3' });
    expect(digit.json().error.details.fields[0]).toMatchObject({
      field: 'applicationNo',
      rule: 'type_digit',
    });
    expect(await patentCount()).toBe(before);
  });

  it('answers 400 on the type when it contradicts the type digit of the number', async () => {
    const res = await officer.post(
      '/api/patents',
      { ...shoeSole, applicationNo: '201811564288.X', type: 'utility' },
      EN,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({
        field: 'type',
        rule: 'type_mismatch',
        message: expect.stringContaining('type digit 1 means invention'),
      }),
    ]);
  });

  it('answers 400 on an IPC symbol that is not in the shipped scheme or is malformed', async () => {
    const unknown = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      ipcCodes: ['A43B 13/04', 'A43B 99/99'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'ipcCodes.1', rule: 'unknown_code' }),
    ]);
    expect(unknown.json().error.details.fields[0].message).toContain('A43B');
    const malformed = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      ipcCodes: ['shoe'],
    });
    expect(malformed.json().error.details.fields[0]).toMatchObject({ field: 'ipcCodes.0', rule: 'format' });
  });

  it('answers 400 on dates in the future, out of order or contradicting the status', async () => {
    const future = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      filedOn: '2018-01-02',
      publishedOn: null,
      grantedOn: '2026-11-27',
    });
    expect(future.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'grantedOn', rule: 'date_in_future' }),
    ]);
    const order = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      filedOn: '2018-06-01',
      publishedOn: '2018-05-01',
      grantedOn: '2019-01-01',
    });
    expect(order.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'publishedOn', rule: 'date_order' }),
    ]);
    const status = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      filedOn: '2018-06-01',
      publishedOn: null,
      grantedOn: null,
      legalStatus: 'granted',
    });
    expect(status.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'grantedOn', rule: 'status_needs_grant' }),
    ]);
    const filedLater = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      filedOn: '2019-01-02',
      publishedOn: null,
      grantedOn: null,
    });
    expect(filedLater.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'filedOn', rule: 'filed_after_number_year' }),
    ]);
  });

  it('answers 400 naming the applicant when a registry id names no enterprise', async () => {
    const res = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: '201811564288.X',
      filedOn: '2018-12-20',
      publishedOn: null,
      grantedOn: null,
      applicants: [{ holderType: 'enterprise', holderId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'applicants.0.holderId', rule: 'holder_unknown' }),
    ]);
  });

  it('answers 409 naming the existing record when the number is registered already, however it is written', async () => {
    const res = await officer.post('/api/patents', {
      ...shoeSole,
      applicationNo: 'CN 201710601862.3',
      title: '另一个标题',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'PATENT_DUPLICATE',
      details: { existingId: ids.sole, applicationNo: '201710601862.3' },
    });
    expect(res.json().error.message).toContain('一种石墨烯运动鞋底及其制备方法');
    const patch = await officer.patch(`/api/patents/${ids.tile}`, { applicationNo: '201710601862.3' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.details.existingId).toBe(ids.sole);
  });

  it('records a pending application with no grant as pending and not valid', async () => {
    const res = await officer.post('/api/patents', {
      applicationNo: '201811564288.X',
      title: '一种智能纺织面料',
      filedOn: '2018-12-20',
      applicants: [{ holderType: 'enterprise', holderId: enterpriseB }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ legalStatus: 'pending', validToday: false, grantedOn: null });
    ids.pending = res.json().id;
  });
});

describe('changing a patent', () => {
  it('updates the title, re-indexes it for search and audits the difference', async () => {
    const res = await officer.patch(`/api/patents/${ids.tile}`, { title: '一种瓷砖水刀切割装置' });
    expect(res.statusCode).toBe(200);
    const found = (await officer.get(`/api/patents?q=${encodeURIComponent('水刀')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([ids.tile]);
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'patent.updated' AND entity_id = $1",
      [ids.tile],
    );
    expect(rows).toEqual([{ changes: { title: ['一种陶瓷砖切割装置', '一种瓷砖水刀切割装置'] } }]);
  });

  it('takes the applicant kind and town from the first applicant and keeps them when other fields change', async () => {
    const res = await officer.patch(`/api/patents/${ids.zip}`, {
      applicants: [
        { holderType: 'person', name: '陈某' },
        { holderType: 'enterprise', uscc: USCC_A.toLowerCase() },
      ],
    });
    expect(res.json()).toMatchObject({
      applicantKind: 'individual',
      townCode: ANHAI,
      applicants: [{ name: '陈某' }, { holderId: enterpriseA }],
    });
    const retitled = await officer.patch(`/api/patents/${ids.zip}`, { title: '一种拉链自动装配设备及方法' });
    expect(retitled.json()).toMatchObject({
      applicantKind: 'individual',
      townCode: ANHAI,
      legalStatus: 'lapsed',
    });
  });

  it('refuses a lapse date before the grant date', async () => {
    const res = await officer.patch(`/api/patents/${ids.zip}`, { lapsedOn: '2018-04-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'lapsedOn', rule: 'date_order' }),
    ]);
  });
});

describe('searching and filtering patents', () => {
  const idsOf = async (c: Client, query: string) =>
    ((await c.get(`/api/patents?${query}`)).json().items as { id: string }[]).map((p) => p.id);

  it('finds titles by Chinese words and by application number, and nothing for punctuation only', async () => {
    expect(await idsOf(officer, `q=${encodeURIComponent('石墨烯')}`)).toEqual([ids.sole]);
    expect(await idsOf(officer, `q=${encodeURIComponent('拉链装配')}`)).toEqual([ids.zip]);
    expect(await idsOf(officer, 'q=201510958772.0')).toEqual([ids.zip]);
    const none = (await officer.get(`/api/patents?q=${encodeURIComponent('？！')}`)).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('counts a patent valid from its grant day, up to the last day of its term, and not from its lapse day', async () => {
    expect(await idsOf(officer, 'validAt=2019-03-11')).not.toContain(ids.sole);
    expect(await idsOf(officer, 'validAt=2019-03-12')).toContain(ids.sole);
    expect(await idsOf(officer, 'validAt=2037-07-25')).toEqual([ids.sole]);
    expect(await idsOf(officer, 'validAt=2037-07-26')).toEqual([]);
    expect(await idsOf(officer, 'validAt=2022-12-13')).toContain(ids.tile);
    expect(await idsOf(officer, 'validAt=2022-12-14')).not.toContain(ids.tile);
    expect(await idsOf(officer, 'validAt=2021-12-16')).toContain(ids.zip);
    expect(await idsOf(officer, 'validAt=2021-12-17')).not.toContain(ids.zip);
  });

  it('filters by type, status, years, town, holder and IPC prefix, pages with a total and sorts', async () => {
    expect(await idsOf(officer, 'type=utility')).toEqual([ids.tile]);
    expect(await idsOf(officer, 'status=lapsed')).toEqual([ids.zip]);
    expect(await idsOf(officer, 'filedYear=2017')).toEqual([ids.sole]);
    expect(await idsOf(officer, 'grantedYear=2018')).toEqual([ids.zip]);
    expect(await idsOf(officer, `town=${CIZAO}&sort=filedOn`)).toEqual([ids.tile, ids.pending]);
    expect(await idsOf(officer, `enterpriseId=${enterpriseA}&sort=-filedOn`)).toEqual([ids.sole, ids.zip]);
    expect(await idsOf(officer, 'ipc=A43B')).toEqual([ids.sole]);
    expect(await idsOf(officer, 'ipc=A43B13')).toEqual([ids.sole]);
    expect(await idsOf(officer, 'ipc=A43B1')).toEqual([]);
    const page = (await officer.get('/api/patents?pageSize=2&page=2&sort=filedOn')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items.map((p: { id: string }) => p.id)).toEqual([ids.sole, ids.pending]);
  });

  it('answers 400 naming the parameter when a date filter is not a real date', async () => {
    const res = await officer.get('/api/patents?validAt=2019-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({
      field: 'querystring.validAt',
      rule: 'date_format',
    });
  });
});

describe('who may read and change patents', () => {
  it('answers 401 to anonymous callers on every endpoint', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/patents')).statusCode).toBe(401);
    expect((await anon.get(`/api/patents/${ids.sole}`)).statusCode).toBe(401);
    expect((await anon.post('/api/patents', shoeSole)).statusCode).toBe(401);
    expect((await anon.patch(`/api/patents/${ids.sole}`, { title: 'x' })).statusCode).toBe(401);
    expect((await anon.get(`/api/enterprises/${enterpriseA}/patents`)).statusCode).toBe(401);
  });

  it('answers 403 to experts, banks and providers on every endpoint and to readers who try to write', async () => {
    for (const role of ['expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/patents')).statusCode).toBe(403);
      expect((await c.get(`/api/patents/${ids.sole}`)).statusCode).toBe(403);
      expect((await c.get(`/api/enterprises/${enterpriseA}/patents`)).statusCode).toBe(403);
    }
    for (const role of ['leader', 'town', 'enterprise'] as const) {
      const c = await userClient(t, { role });
      expect((await c.post('/api/patents', shoeSole)).statusCode).toBe(403);
      expect((await c.patch(`/api/patents/${ids.sole}`, { title: '改名' })).statusCode).toBe(403);
    }
    expect((await officer.get(`/api/patents/${ids.sole}`)).json().title).toBe(shoeSole.title);
  });

  it('lets an administrator write and a leader read everything', async () => {
    const admin = await userClient(t, { role: 'admin' });
    expect(
      (await admin.patch(`/api/patents/${ids.pending}`, { title: '一种智能调温纺织面料' })).statusCode,
    ).toBe(200);
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get('/api/patents')).json().total).toBe(4);
    expect((await leader.get(`/api/enterprises/${enterpriseB}/patents`)).json().total).toBe(2);
  });

  it('shows an enterprise only its own patents and answers 404 for another enterprise’s', async () => {
    const a = await userClient(t, { role: 'enterprise', scopeId: USCC_A });
    const list = (await a.get('/api/patents')).json();
    expect(list.items.map((p: { id: string }) => p.id).sort()).toEqual([ids.sole, ids.zip].sort());
    expect((await a.get(`/api/patents/${ids.sole}`)).statusCode).toBe(200);
    expect((await a.get(`/api/patents/${ids.tile}`)).statusCode).toBe(404);
    expect((await a.get(`/api/enterprises/${enterpriseA}/patents`)).json().total).toBe(2);
    expect((await a.get(`/api/enterprises/${enterpriseB}/patents`)).statusCode).toBe(404);
  });

  it('shows a town the patents of its enterprises only', async () => {
    const anhai = await userClient(t, { role: 'town', scopeId: ANHAI });
    expect((await anhai.get('/api/patents')).json().total).toBe(2);
    expect((await anhai.get(`/api/patents/${ids.tile}`)).statusCode).toBe(404);
    expect((await anhai.get(`/api/enterprises/${enterpriseB}/patents`)).statusCode).toBe(404);
    const cizao = await userClient(t, { role: 'town', scopeId: CIZAO });
    expect(
      (await cizao.get(`/api/enterprises/${enterpriseB}/patents?validAt=2013-06-05`))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toEqual([ids.tile]);
  });

  it('answers 404 for an enterprise that does not exist', async () => {
    expect(
      (await officer.get('/api/enterprises/00000000-0000-4000-8000-000000000000/patents')).statusCode,
    ).toBe(404);
  });
});

describe('the audit chain', () => {
  it('holds one entry per registered patent and verifies', async () => {
    const { rows } = await t.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'patent.created'",
    );
    expect(Number(rows[0]!.n)).toBe(4);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
