/**
 * Reported figures with the department's document: uploading it (who may; what files are refused and why), the
 * figure refusing to be entered without it where its definition requires one, the overview describing it, and the
 * download returning the same bytes with their SM3 digest. Each upload and entry is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { sm3Hex } from '@jinke/core/common/sm3.ts';
import type { OverviewResponse } from '@jinke/core/indicators/api.contract.ts';
import { client, createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

const UPLOAD = '/api/indicators/attachments';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let t: TestContext;
const c: Partial<Record<Role | 'anonymous', Client>> = {};
const as = (role: Role | 'anonymous') => c[role]!;

const upload = (who: Client, body: Buffer, type: string, fileName?: string) =>
  who.post(`${UPLOAD}${fileName === undefined ? '' : `?fileName=${encodeURIComponent(fileName)}`}`, body, {
    'content-type': type,
  });

beforeAll(async () => {
  t = await createTestApp();
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (uscc, name, town_code) VALUES ('91350582MA0000001X', '甲鞋业有限公司', '350582101')
     RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO enterprise_years (enterprise_id, year, revenue_fen, above_scale) VALUES ($1, 2018, 3000000000, true)`,
    [rows[0]!.id],
  );
  for (const role of ['admin', 'officer', 'leader', 'enterprise', 'expert', 'bank', 'provider'] as const)
    c[role] = await userClient(t, { role });
  c.town = await userClient(t, { role: 'town', scopeId: '350582101' });
  c.anonymous = client(t.app);
}, 120_000);
afterAll(() => t?.close());

describe('uploading a document', () => {
  it('lets officers and administrators upload; refuses other roles (403) and the anonymous (401)', async () => {
    for (const role of ['admin', 'officer'] as const) {
      const res = await upload(as(role), PDF, 'application/pdf', '统计局来函.pdf');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        fileName: '统计局来函.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        sm3: sm3Hex(PDF),
      });
    }
    for (const role of ['leader', 'town', 'enterprise', 'expert', 'bank', 'provider'] as const)
      expect((await upload(as(role), PDF, 'application/pdf', 'a.pdf')).statusCode, role).toBe(403);
    expect((await upload(as('anonymous'), PDF, 'application/pdf', 'a.pdf')).statusCode).toBe(401);
    const { rows } = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'indicators.attachment_uploaded'`);
    expect(rows).toHaveLength(2);
  });

  it('refuses a file that is not what it says, empty, unnamed, misnamed or of a type not accepted', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')).rows[0]!.n;
    const cases: [Buffer, string, string | undefined, string, string][] = [
      [PNG, 'application/pdf', 'a.pdf', 'content', '文件内容不是 PDF 文件'],
      [Buffer.from('plain words'), 'text/plain', 'a.txt', 'type', '不支持的文件类型 text/plain'],
      [PDF, 'application/pdf', undefined, 'name', '请提供文件名'],
      [PDF, 'application/pdf', '../a.pdf', 'name', '请提供文件名'],
      [PDF, 'application/pdf', 'a.docx', 'extension', '文件名应以 .pdf 结尾'],
      [PNG, 'image/png', 'scan.jpg', 'extension', '文件名应以 .png 结尾'],
    ];
    for (const [body, type, name, rule, zh] of cases) {
      const res = await upload(as('officer'), body, type, name);
      expect(res.statusCode, `${rule} ${res.body}`).toBe(400);
      const { error } = res.json<{ error: { message: string; details: { fields: unknown[] } } }>();
      expect(error.details.fields).toEqual([expect.objectContaining({ field: 'file', rule })]);
      expect(error.message).toContain(zh);
    }
    const en = await upload(as('officer'), PNG, 'application/pdf', 'a.pdf');
    expect(en.statusCode).toBe(400);
    const english = await as('officer').post(`${UPLOAD}?fileName=a.pdf`, PNG, {
      'content-type': 'application/pdf',
      'accept-language': 'en',
    });
    expect(english.json<{ error: { message: string } }>().error.message).toBe(
      'The attachment is invalid: the content is not a PDF file',
    );
    const empty = await upload(as('officer'), Buffer.alloc(0), 'application/pdf', 'a.pdf');
    expect(empty.statusCode).toBe(400);
    const big = await upload(
      as('officer'),
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      'application/pdf',
      'big.pdf',
    );
    expect(big.statusCode).toBe(413);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')).rows[0]!.n).toBe(before);
  });
});

describe('a reported figure with its document', () => {
  it('is refused without the document its definition requires, or with one that does not exist', async () => {
    const url = '/api/indicators/reported/2018/rnd.gdp_ratio';
    const none = await as('officer').put(url, { value: '2.7' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({
      error: {
        message: '提交的数据有误：attachmentId 必须附上市统计局出具的证明材料',
        details: { fields: [{ field: 'attachmentId', rule: 'attachment_required' }] },
      },
    });
    const unknown = await as('officer').put(url, {
      value: '2.7',
      attachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { details: { fields: [{ field: 'attachmentId', rule: 'unknown_attachment' }] } },
    });
    const malformed = await as('officer').put(url, { value: '2.7', attachmentId: 'x' });
    expect(malformed.statusCode).toBe(400);
    const { rows } = await t.db.query(`SELECT 1 FROM indicator_reported WHERE indicator_id = 'rnd.gdp_ratio'`);
    expect(rows).toHaveLength(0);
  });

  it('is kept with its document, shown on the overview and downloadable byte for byte', async () => {
    const doc = await upload(as('officer'), PDF, 'application/pdf', '2018年统计公报.pdf');
    const id = doc.json<{ id: string }>().id;
    const put = await as('officer').put('/api/indicators/reported/2018/rnd.gdp_ratio', {
      value: '2.70',
      note: '统计公报第七部分',
      attachmentId: id,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ value: '2.7', attachment: { id, sm3: sm3Hex(PDF) } });

    const overview = (await as('leader').get('/api/indicators/overview?year=2018')).json<OverviewResponse>();
    const item = overview.items.find((i) => i.id === 'rnd.gdp_ratio')!;
    expect(item.figure).toEqual({ value: '27/10', display: '2.7' });
    expect(item.reported).toMatchObject({
      department: { zh: '市统计局' },
      attachmentRequired: true,
      note: '统计公报第七部分',
      attachment: { id, fileName: '2018年统计公报.pdf', size: PDF.length, sm3: sm3Hex(PDF) },
    });
    // An internal section's figure needs no document.
    const internal = await as('officer').put('/api/indicators/reported/2018/awards.innovation_units', {
      value: '70',
    });
    expect(internal.statusCode).toBe(200);

    const url = '/api/indicators/reported/2018/rnd.gdp_ratio/attachment';
    for (const role of ['admin', 'officer', 'leader', 'town'] as const) {
      const res = await as(role).get(url);
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-sm3']).toBe(sm3Hex(PDF));
      expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    }
    for (const role of ['enterprise', 'expert', 'bank', 'provider'] as const)
      expect((await as(role).get(url)).statusCode, role).toBe(403);
    expect((await as('anonymous').get(url)).statusCode).toBe(401);
    expect(
      (await as('leader').get('/api/indicators/reported/2018/awards.innovation_units/attachment')).statusCode,
    ).toBe(404);
    const audit = await t.db.query<{ changes: { attachment: unknown } }>(
      `SELECT changes FROM audit_log WHERE action = 'indicators.reported_set' AND entity_id = 'rnd.gdp_ratio/2018'`,
    );
    expect(audit.rows).toHaveLength(1);
  });
});
