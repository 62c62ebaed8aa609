/**
 * The database applies the eligibility stages before the pool is frozen (draw-inputs.repo.ts). This pins that path to
 * the reference: `freezeValidPool` over every expert of the registry gives the same pool, hash, funnel, overrides and
 * avoidance exclusions — for field codes at every catalogue level, IPC classes with odd whitespace, load limits from
 * drawn panels, relations that ended inside and outside the window, partner institutes and co-applications.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrawRequest } from '@jinke/core/draws/draws-api.contract.ts';
import { drawSpec, type DrawSpec } from '@jinke/core/draws/draw.contract.ts';
import { AVOIDANCE_RULES, freezeValidPool, type FreezeResult } from '@jinke/core/draws/pool.ts';
import { freezeScreenedPool } from '@jinke/core/draws/screened.ts';
import { createTestApp, userClient, type TestContext } from '../../../test/harness.ts';
import { candidateRows } from './draw-inputs.repo.ts';
import { readApplicants, screenedInput, toCandidates } from './draw-inputs.ts';
import {
  drawUscc,
  expertCode,
  hnteDraw,
  insertEnterprise,
  insertExpert,
  insertInstitute,
  insertPatent,
} from './draws.fixtures.ts';

let t: TestContext;
const A = drawUscc(20);
const B = drawUscc(21);
const OTHER = drawUscc(22);
const FIELDS = ['40303', '40306', '10201', '10203', '60101', '99999'];
const IPC = ['A43B 13/04', 'A43B\u300013/04', 'H01L', 'A43', 'B29D\u00a011/00', 'H01M 10/05'];

beforeAll(async () => {
  t = await createTestApp();
  const aId = await insertEnterprise(t.db, A, '晋江甲鞋业有限公司');
  const bId = await insertInstitute(t.db, '晋江乙研究院', B);
  await insertEnterprise(t.db, OTHER, '晋江丙公司');
  const partner = await insertInstitute(t.db, '丙材料研究所', null);
  await t.db.query(
    "INSERT INTO cooperation_agreements (enterprise_id, institute_id, subject, signed_on, valid_to) VALUES ($1, $2, '联合研发', '2022-01-01', '2024-01-01')",
    [aId, partner],
  );
  for (let n = 1; n <= 90; n++) {
    const relations =
      n % 7 === 0
        ? [{ kind: 'former_employer', uscc: A, name: '甲', until: n % 2 ? '2020-06-30' : '2024-06-30' }]
        : n % 11 === 0
          ? [
              { kind: 'shareholder', uscc: OTHER, name: '丙' },
              { kind: 'relative', name: '无代码' },
            ]
          : [];
    await insertExpert(t.db, {
      code: expertCode(n),
      name: n === 13 ? '陈志远' : `专家${n}号`,
      kind: n % 4 === 0 ? 'financial' : n % 10 === 0 ? 'legal' : 'technical',
      fields: [FIELDS[n % FIELDS.length]!, ...(n % 5 === 0 ? [FIELDS[(n + 2) % FIELDS.length]!] : [])],
      ipc: [IPC[n % IPC.length]!],
      employerUscc: n % 9 === 0 ? A : n % 13 === 1 ? OTHER : null,
      instituteId: n % 17 === 0 ? partner : n % 19 === 0 ? bId : null,
      relations,
      available: n % 8 !== 3,
    });
  }
  await insertPatent(t.db, 'CN202510000001.1', '2025-05-01', [
    { holderType: 'enterprise', holderId: aId, name: '晋江甲鞋业有限公司' },
    { holderType: 'person', holderId: null, name: '陈志远' },
  ]);
  // Seats on a drawn panel give some experts a load.
  const officer = await userClient(t, { role: 'officer' });
  const drawn = await officer.post(
    '/api/draws',
    hnteDraw([OTHER], { spec: { panelSize: 6, alternates: 2 } }),
  );
  expect(drawn.statusCode, drawn.body).toBe(201);
  const seeded = await officer.post(`/api/draws/${drawn.json<{ id: string }>().id}/seed`, {
    seed: '1',
    seedSource: '见证人现场输入',
  });
  expect(seeded.statusCode, seeded.body).toBe(200);
});
afterAll(() => t.close());

const avoidance = (result: FreezeResult) =>
  result.excluded
    .filter((e) => AVOIDANCE_RULES.includes(e.rule))
    .map((e) => `${e.code} ${e.rule} ${e.uscc ?? ''} ${e.zh}`)
    .sort();

async function both(spec: DrawSpec, overrides: { code: string; reason: string }[] = []) {
  const inputs = await readApplicants(t.db, [A, B], spec.asOf, 'zh-CN');
  const reference = freezeValidPool({
    spec,
    candidates: toCandidates(await candidateRows(t.db)),
    applicants: inputs.applicants,
    overrides,
  });
  const screened = freezeScreenedPool(await screenedInput(t.db, spec, inputs, overrides));
  return { reference, screened };
}

/** A request spec as the API parses it (IPC prefixes normalised), with the avoidance day. */
const specOf = (over: Record<string, unknown>) =>
  drawSpec.parse({
    ...createDrawRequest.parse(hnteDraw([A], { spec: { panelSize: 3, alternates: 1, ...over } })).spec,
    asOf: '2026-11-26',
  });

describe('eligibility in the database', () => {
  it.each([
    ['no filter', {}],
    [
      'a field (whole field 40) and IPC prefixes with odd whitespace',
      { fields: ['40'], ipcPrefixes: ['A43B 13/04', 'B29D'] },
    ],
    ['a sub-field and a load limit', { fields: ['403', '102'], maxLoad: 1 }],
    ['an item and a section prefix', { fields: ['10201'], ipcPrefixes: ['H'] }],
  ])(
    'gives the pool, hash, funnel and exclusions of freezeValidPool over every expert with %s',
    async (_n, over) => {
      const spec = specOf(over);
      const { reference, screened } = await both(spec);
      expect(reference.ok).toBe(true);
      expect(screened.funnel).toEqual(reference.funnel);
      expect(avoidance(screened)).toEqual(avoidance(reference));
      if (!reference.ok || !screened.ok) throw new Error('expected a pool');
      expect(screened.pool).toEqual(reference.pool);
      expect(screened.poolHash).toBe(reference.poolHash);
      expect(reference.funnel.map((s) => s.remaining)).not.toEqual([90, 90, 90, 90, 90]);
    },
  );

  it('applies an override the same way', async () => {
    const spec = specOf({});
    const first = await both(spec);
    const target = first.reference.excluded.find((e) => e.rule === 'co-application');
    expect(target?.code).toBe(expertCode(13));
    const { reference, screened } = await both(spec, [{ code: expertCode(13), reason: '同名不同人' }]);
    if (!reference.ok || !screened.ok) throw new Error('expected a pool');
    expect(screened.overridden).toEqual(reference.overridden);
    expect(screened.poolHash).toBe(reference.poolHash);
  });

  it('names the same constraint when the pool is too small', async () => {
    const spec = specOf({ fields: ['60101'], ipcPrefixes: ['H01M'] });
    const { reference, screened } = await both({ ...spec, panelSize: 5 });
    expect(reference.ok).toBe(false);
    expect(screened).toMatchObject({ ok: false, funnel: reference.funnel });
    if (reference.ok || screened.ok) return;
    expect(screened.problem).toEqual(reference.problem);
  });
});
