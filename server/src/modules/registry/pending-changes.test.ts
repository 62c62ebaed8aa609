import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';
import { verifyChain } from '../../platform/audit.ts';
import { type EnterpriseRef, createEnterprise, fieldsOf, testUscc } from './enterprise.fixtures.ts';

let t: TestContext;
let officer: Client & { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer', displayName: '核实科员' });
});
afterAll(() => t.close());

async function selfClient(e: EnterpriseRef) {
  return userClient(t, { role: 'enterprise', scopeId: e.uscc, displayName: `${e.name}填报员` });
}

async function actions(entityId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ action: string }>(
    'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq',
    [entityId],
  );
  return rows.map((r) => r.action);
}

describe('an enterprise changing its own profile', () => {
  it('applies address and contacts at once as self, and holds name and revenue as pending until verified', async () => {
    const e = await createEnterprise(officer, {
      name: '晋江自助填报有限公司',
      address: '旧地址',
      revenueFen: 100,
    });
    const self = await selfClient(e);
    const res = await self.patch(`/api/enterprises/${e.id}`, {
      name: '晋江自助填报科技有限公司',
      address: '新地址 9 号',
      contactName: '赵六',
      revenueFen: 200,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: '晋江自助填报有限公司',
      address: '新地址 9 号',
      contactName: '赵六',
      revenueFen: 100,
    });
    expect(body.provenance.address).toMatchObject({
      source: 'self',
      actorName: '晋江自助填报有限公司填报员',
    });
    expect(body.provenance.name.source).toBe('officer');
    expect(
      body.pendingChanges.map((c: { field: string; oldValue: unknown; newValue: unknown }) => [
        c.field,
        c.oldValue,
        c.newValue,
      ]),
    ).toEqual([
      ['name', '晋江自助填报有限公司', '晋江自助填报科技有限公司'],
      ['revenueFen', 100, 200],
    ]);
    expect(await actions(e.id)).toEqual([
      'enterprise.created',
      'enterprise.updated',
      'enterprise.change_submitted',
    ]);

    const queue = (await officer.get(`/api/pending-changes?enterpriseId=${e.id}`)).json();
    expect(queue.total).toBe(2);
    const nameChange = queue.items.find((c: { field: string }) => c.field === 'name');
    expect(nameChange).toMatchObject({
      status: 'pending',
      enterpriseName: '晋江自助填报有限公司',
      submittedBy: '晋江自助填报有限公司填报员',
    });

    const verified = await officer.post(`/api/pending-changes/${nameChange.id}/decide`, {
      decision: 'verify',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'verified', decidedBy: '核实科员' });
    const after = (await officer.get(`/api/enterprises/${e.id}`)).json();
    expect(after).toMatchObject({ name: '晋江自助填报科技有限公司', formerNames: ['晋江自助填报有限公司'] });
    expect(after.provenance.name).toMatchObject({
      source: 'self',
      verified: true,
      verifiedByName: '核实科员',
      actorName: '晋江自助填报有限公司填报员',
    });
    expect(after.pendingChanges.map((c: { field: string }) => c.field)).toEqual(['revenueFen']);
    const { rows } = await t.db.query<{ changes: Record<string, unknown> }>(
      "SELECT changes FROM audit_log WHERE action = 'enterprise.change_verified' AND entity_id = $1",
      [e.id],
    );
    expect(rows[0]!.changes).toMatchObject({
      field: 'name',
      name: ['晋江自助填报有限公司', '晋江自助填报科技有限公司'],
      formerNames: [[], ['晋江自助填报有限公司']],
    });
    // Search finds the enterprise by its new name now.
    const found = (await officer.get(`/api/enterprises?q=${encodeURIComponent('自助填报科技')}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([e.id]);
  });

  it('keeps the recorded value when an officer rejects with a reason, and needs the reason', async () => {
    const e = await createEnterprise(officer, { staff: 10 });
    const self = await selfClient(e);
    await self.patch(`/api/enterprises/${e.id}`, { staff: 999 });
    const [change] = (await officer.get(`/api/pending-changes?enterpriseId=${e.id}`)).json().items;
    const noReason = await officer.post(`/api/pending-changes/${change.id}/decide`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0]).toMatchObject({
      field: 'reason',
      rule: 'reason_required',
    });
    const rejected = await officer.post(`/api/pending-changes/${change.id}/decide`, {
      decision: 'reject',
      reason: '与社保缴纳人数不符',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '与社保缴纳人数不符' });
    expect((await officer.get(`/api/enterprises/${e.id}`)).json()).toMatchObject({
      staff: 10,
      pendingChanges: [],
    });
    const again = await officer.post(`/api/pending-changes/${change.id}/decide`, { decision: 'verify' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHANGE_ALREADY_DECIDED');
    const history = (await self.get(`/api/enterprises/${e.id}/history`)).json();
    expect(history.items[0]).toMatchObject({
      action: 'enterprise.change_rejected',
      changes: { reason: '与社保缴纳人数不符', proposed: [10, 999] },
    });
    expect(
      (await officer.get('/api/pending-changes?status=rejected'))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toContain(change.id);
  });

  it('replaces an earlier pending value for the same field with a later submission', async () => {
    const e = await createEnterprise(officer, { revenueFen: 5 });
    const self = await selfClient(e);
    await self.patch(`/api/enterprises/${e.id}`, { revenueFen: 6 });
    await self.patch(`/api/enterprises/${e.id}`, { revenueFen: 7 });
    const items = (await officer.get(`/api/pending-changes?enterpriseId=${e.id}`)).json().items;
    expect(items.map((c: { oldValue: unknown; newValue: unknown }) => [c.oldValue, c.newValue])).toEqual([
      [5, 7],
    ]);
  });

  it('moves the enterprise accounts to a verified new USCC so they keep access, and refuses a USCC already taken', async () => {
    const e = await createEnterprise(officer, { name: '换证企业' });
    const other = await createEnterprise(officer, { name: '他人企业' });
    const self = await selfClient(e);
    expect((await self.patch(`/api/enterprises/${e.id}`, { uscc: other.uscc })).statusCode).toBe(409);
    const fresh = testUscc(777);
    await self.patch(`/api/enterprises/${e.id}`, { uscc: fresh });
    const [change] = (await officer.get(`/api/pending-changes?enterpriseId=${e.id}`)).json().items;
    expect(change).toMatchObject({ field: 'uscc', newValue: fresh });
    expect(
      (await officer.post(`/api/pending-changes/${change.id}/decide`, { decision: 'verify' })).statusCode,
    ).toBe(200);
    const read = await self.get(`/api/enterprises/${e.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().uscc).toBe(fresh);
  });

  it('forbids town users from changing an enterprise and hides other enterprises from an enterprise (404)', async () => {
    const e = await createEnterprise(officer);
    const other = await createEnterprise(officer);
    const town = await userClient(t, { role: 'town', scopeId: '350582101' });
    expect((await town.patch(`/api/enterprises/${e.id}`, { address: 'x' })).statusCode).toBe(403);
    const self = await selfClient(other);
    expect((await self.patch(`/api/enterprises/${e.id}`, { address: 'x' })).statusCode).toBe(404);
    expect((await self.put(`/api/enterprises/${e.id}/years/2025`, { rdFen: 1 })).statusCode).toBe(404);
  });
});

describe('an enterprise reporting its yearly figures', () => {
  it('applies assets at once and holds revenue, R&D, staff and 规上 for verification, then applies them one by one', async () => {
    const e = await createEnterprise(officer);
    const self = await selfClient(e);
    const res = await self.put(`/api/enterprises/${e.id}/years/2025`, {
      revenueFen: 80_000_000_00,
      rdFen: 4_000_000_00,
      staff: 200,
      techStaff: 30,
      totalAssetsFen: 90_000_000_00,
      netAssetsFen: 50_000_000_00,
      aboveScale: true,
    });
    expect(res.statusCode).toBe(200);
    const year = res.json();
    expect(year).toMatchObject({
      year: 2025,
      recorded: true,
      revenueFen: null,
      staff: null,
      aboveScale: false,
      totalAssetsFen: 9000000000,
    });
    expect(year.provenance['years.2025.totalAssetsFen'].source).toBe('self');
    expect(year.pendingChanges.map((c: { field: string }) => c.field).sort()).toEqual([
      'years.2025.aboveScale',
      'years.2025.rdFen',
      'years.2025.revenueFen',
      'years.2025.staff',
      'years.2025.techStaff',
    ]);
    const byField = new Map<string, string>(
      year.pendingChanges.map((c: { field: string; id: string }) => [c.field, c.id]),
    );
    // Tech staff before staff would leave 30 tech staff against no recorded staff: allowed (staff unknown).
    for (const field of ['years.2025.techStaff', 'years.2025.staff', 'years.2025.aboveScale']) {
      expect(
        (await officer.post(`/api/pending-changes/${byField.get(field)}/decide`, { decision: 'verify' }))
          .statusCode,
      ).toBe(200);
    }
    const now = (await self.get(`/api/enterprises/${e.id}/years/2025`)).json();
    expect(now).toMatchObject({ staff: 200, techStaff: 30, aboveScale: true });
    expect(now.provenance['years.2025.staff']).toMatchObject({ source: 'self', verified: true });
    expect(
      (await officer.get('/api/enterprises?aboveScale=true&year=2025'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([e.id]);
  });

  it('refuses to verify a tech-staff count above the staff recorded meanwhile (409 naming both fields)', async () => {
    const e = await createEnterprise(officer);
    const self = await selfClient(e);
    await self.put(`/api/enterprises/${e.id}/years/2024`, { techStaff: 50 });
    await officer.put(`/api/enterprises/${e.id}/years/2024`, { staff: 40 });
    const [change] = (await officer.get(`/api/pending-changes?enterpriseId=${e.id}`)).json().items;
    const res = await officer.post(`/api/pending-changes/${change.id}/decide`, { decision: 'verify' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('FIGURES_CONFLICT');
    expect(fieldsOf(res.json())).toEqual(['techStaff', 'staff']);
    expect((await officer.get(`/api/enterprises/${e.id}/years/2024`)).json()).toMatchObject({
      staff: 40,
      techStaff: null,
    });
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
