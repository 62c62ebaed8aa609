import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';

let t: TestContext;
let officer: Client;
const EN = { 'accept-language': 'en-US' };
const PHONE = '13812345678';
const ID_CARD = '11010519491231002X';
const ids = { zhang: '', li: '', institute: '' };

const zhang = {
  name: '张伟',
  title: '教授级高级工程师',
  employerUscc: '91350582ma8rfy385r',
  fields: ['40303', '403'],
  ipcClasses: ['A43B', 'C08L 9/00'],
  expertise: '石墨烯复合材料改性，运动鞋底缓震与耐磨技术',
  relations: [{ kind: 'employer', uscc: '91350582MA8RFY385R', name: '晋江交发科技有限公司' }],
  phone: PHONE,
  idCard: ID_CARD,
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  const institute = await officer.post('/api/institutes', {
    name: '泉州装备制造研究所',
    kind: 'research_institute',
    townCode: '350582001',
  });
  expect(institute.statusCode).toBe(201);
  ids.institute = institute.json().id;
  const a = await officer.post('/api/experts', zhang);
  expect(a.statusCode).toBe(201);
  ids.zhang = a.json().id;
  const b = await officer.post('/api/experts', {
    name: '李娜',
    instituteId: ids.institute,
    fields: ['10101'],
    ipcClasses: ['G06F16/00'],
    expertise: '工业软件与制造执行系统',
    available: false,
  });
  expect(b.statusCode).toBe(201);
  ids.li = b.json().id;
});
afterAll(() => t.close());

describe('adding an expert', () => {
  it('numbers experts EXP-0001, EXP-0002, normalises codes and stores personal data encrypted and answers it masked', async () => {
    const res = (await officer.get(`/api/experts/${ids.zhang}`)).json();
    expect(res).toMatchObject({
      code: 'EXP-0001',
      employerUscc: '91350582MA8RFY385R',
      fields: [
        { code: '40303', name: '新型橡胶的合成技术及橡胶新材料制备技术' },
        { code: '403', name: '高分子材料' },
      ],
      ipcClasses: ['A43B', 'C08L9/00'],
      phone: '138****5678',
      idCard: '110105********002X',
      personalDataRevealed: false,
    });
    expect((await officer.get(`/api/experts/${ids.li}`)).json()).toMatchObject({
      code: 'EXP-0002',
      instituteName: '泉州装备制造研究所',
      available: false,
    });
    const { rows } = await t.db.query<{ phone_enc: string; id_card_enc: string }>(
      'SELECT phone_enc, id_card_enc FROM experts WHERE id = $1',
      [ids.zhang],
    );
    expect(rows[0]!.phone_enc).toMatch(/^sm4:v1:/);
    expect(rows[0]!.phone_enc).not.toContain(PHONE);
    expect(rows[0]!.id_card_enc).not.toContain('19491231');
  });

  it('audits the creation without the personal data itself', async () => {
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'expert.created' AND entity_id = $1",
      [ids.zhang],
    );
    expect(rows[0]!.changes).toMatchObject({ code: 'EXP-0001', name: '张伟', phone: '***', idCard: '***' });
    expect(JSON.stringify(rows[0]!.changes)).not.toContain('5678');
  });

  it('answers 400 naming each field on a bad credit code, ID number, field code, unknown IPC class or unknown institute', async () => {
    const bad = await officer.post('/api/experts', {
      name: '王五',
      employerUscc: '91350582MA8RFY385A',
      idCard: '110105194912310021',
      fields: ['99'],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields as { field: string; rule: string }[];
    expect(fields.map((f) => [f.field, f.rule])).toEqual([
      ['employerUscc', 'check_digit'],
      ['fields.0', 'hitech_field_unknown'],
      ['idCard', 'check_digit'],
    ]);
    const unknown = await officer.post(
      '/api/experts',
      { name: '王五', ipcClasses: ['A43Z'], instituteId: '00000000-0000-4000-8000-000000000000' },
      EN,
    );
    expect(
      unknown.json().error.details.fields.map((f: { field: string; rule: string }) => [f.field, f.rule]),
    ).toEqual([
      ['instituteId', 'institute_unknown'],
      ['ipcClasses.0', 'unknown_code'],
    ]);
    const { rows } = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM experts');
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('answers 409 when the code is taken', async () => {
    const res = await officer.post('/api/experts', { code: 'EXP-0001', name: '赵六' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RECORD_CODE_TAKEN');
  });
});

describe('searching experts', () => {
  const codesOf = async (c: Client, query: string) =>
    ((await c.get(`/api/experts?${query}`)).json().items as { code: string }[]).map((e) => e.code);

  it('finds experts by words of their expertise, their name and the names of their fields', async () => {
    expect(await codesOf(officer, `q=${encodeURIComponent('鞋底缓震')}`)).toEqual(['EXP-0001']);
    expect(await codesOf(officer, `q=${encodeURIComponent('制造执行')}`)).toEqual(['EXP-0002']);
    expect(await codesOf(officer, `q=${encodeURIComponent('张伟')}`)).toEqual(['EXP-0001']);
    expect(await codesOf(officer, `q=${encodeURIComponent('新材料')}`)).toEqual(['EXP-0001']);
    expect(await codesOf(officer, `q=${encodeURIComponent('区块链')}`)).toEqual([]);
  });

  it('filters by field including the entries below it, IPC prefix, availability and institute', async () => {
    expect(await codesOf(officer, 'field=40')).toEqual(['EXP-0001']);
    expect(await codesOf(officer, 'field=10')).toEqual(['EXP-0002']);
    expect(await codesOf(officer, 'ipc=G06F')).toEqual(['EXP-0002']);
    expect(await codesOf(officer, 'ipc=C08L9')).toEqual(['EXP-0001']);
    expect(await codesOf(officer, 'available=true')).toEqual(['EXP-0001']);
    expect(await codesOf(officer, `instituteId=${ids.institute}`)).toEqual(['EXP-0002']);
  });
});

describe('personal data of experts', () => {
  it('reveals phone and ID number to an officer who asks, and audits the read', async () => {
    const res = await officer.get(`/api/experts/${ids.zhang}?reveal=personal`);
    expect(res.json()).toMatchObject({ phone: PHONE, idCard: ID_CARD, personalDataRevealed: true });
    const { rows } = await t.db.query<{ changes: unknown; role: string }>(
      "SELECT changes, role FROM audit_log WHERE action = 'personal_data.read' AND entity_id = $1",
      [ids.zhang],
    );
    expect(rows).toEqual([{ changes: { fields: ['phone', 'idCard'] }, role: 'officer' }]);
  });

  it('refuses to reveal to a leader, who reads masked data', async () => {
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get(`/api/experts/${ids.zhang}?reveal=personal`)).statusCode).toBe(403);
    expect((await leader.get(`/api/experts/${ids.zhang}`)).json().phone).toBe('138****5678');
  });
});

describe('an expert’s own record', () => {
  it('shows an expert only their own record and answers 404 for another expert', async () => {
    const me = await userClient(t, { role: 'expert', scopeId: 'EXP-0001' });
    const list = (await me.get('/api/experts')).json();
    expect(list).toMatchObject({ total: 1, items: [{ code: 'EXP-0001' }] });
    expect((await me.get(`/api/experts/${ids.zhang}`)).statusCode).toBe(200);
    expect((await me.get(`/api/experts/${ids.li}`)).statusCode).toBe(404);
    expect((await me.patch(`/api/experts/${ids.li}`, { available: true })).statusCode).toBe(404);
    expect((await officer.get(`/api/experts/${ids.li}`)).json().available).toBe(false);
  });

  it('lets an expert change availability, relations and phone, audited with the differences', async () => {
    const me = await userClient(t, { role: 'expert', scopeId: 'EXP-0001' });
    const res = await me.patch(`/api/experts/${ids.zhang}`, {
      available: false,
      phone: '13900001111',
      relations: [
        ...zhang.relations,
        { kind: 'former_employer', name: '泉州某鞋业有限公司', until: '2020-06-30' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ available: false, phone: '139****1111' });
    expect(res.json().relations).toHaveLength(2);
    const { rows } = await t.db.query<{ changes: Record<string, unknown>; role: string }>(
      "SELECT changes, role FROM audit_log WHERE action = 'expert.updated' AND entity_id = $1",
      [ids.zhang],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.role).toBe('expert');
    expect(rows[0]!.changes).toMatchObject({ available: [true, false], phone: ['***', 'changed'] });
    expect(Object.keys(rows[0]!.changes).sort()).toEqual(['available', 'phone', 'relations']);
    expect(JSON.stringify(rows[0]!.changes)).not.toContain('1111');
  });

  it('answers 403 naming the fields when an expert tries to change anything else, and changes nothing', async () => {
    const me = await userClient(t, { role: 'expert', scopeId: 'EXP-0001' });
    const res = await me.patch(`/api/experts/${ids.zhang}`, {
      available: true,
      title: '院士',
      fields: ['10'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FIELDS_NOT_EDITABLE' });
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'title',
      'fields',
    ]);
    expect((await officer.get(`/api/experts/${ids.zhang}`)).json()).toMatchObject({
      title: '教授级高级工程师',
      available: false,
    });
  });

  it('lets an expert reveal their own personal data, audited', async () => {
    const me = await userClient(t, { role: 'expert', scopeId: 'EXP-0001' });
    expect((await me.get(`/api/experts/${ids.zhang}?reveal=personal`)).json().phone).toBe('13900001111');
    const { rows } = await t.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'personal_data.read' AND role = 'expert'",
    );
    expect(rows).toHaveLength(1);
  });
});

describe('who may read and change experts', () => {
  it('answers 401 to anonymous callers on every endpoint', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/experts')).statusCode).toBe(401);
    expect((await anon.get(`/api/experts/${ids.zhang}`)).statusCode).toBe(401);
    expect((await anon.post('/api/experts', { name: 'x' })).statusCode).toBe(401);
    expect((await anon.patch(`/api/experts/${ids.zhang}`, { available: true })).statusCode).toBe(401);
  });

  it('answers 403 to towns, enterprises, banks and providers, and to leaders and experts who try to add one', async () => {
    for (const role of ['town', 'enterprise', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/experts')).statusCode).toBe(403);
      expect((await c.get(`/api/experts/${ids.zhang}`)).statusCode).toBe(403);
      expect((await c.patch(`/api/experts/${ids.zhang}`, { available: true })).statusCode).toBe(403);
    }
    const leader = await userClient(t, { role: 'leader' });
    expect((await leader.get('/api/experts')).json().total).toBe(2);
    expect((await leader.post('/api/experts', { name: '赵六' })).statusCode).toBe(403);
    expect((await leader.patch(`/api/experts/${ids.zhang}`, { available: true })).statusCode).toBe(403);
    const expert = await userClient(t, { role: 'expert', scopeId: 'EXP-0001' });
    expect((await expert.post('/api/experts', { name: '赵六' })).statusCode).toBe(403);
  });

  it('lets an administrator change any field', async () => {
    const admin = await userClient(t, { role: 'admin' });
    const res = await admin.patch(`/api/experts/${ids.li}`, { title: '研究员', available: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '研究员', available: true });
  });
});

describe('the audit chain', () => {
  it('verifies after the expert changes', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
