import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import type { EnterpriseDetail, PendingChangeItem } from '../api.ts';
import {
  detail,
  divisions,
  listItem,
  patent,
  XUNXING_ID,
  XUNXING_USCC,
  yearDetail,
} from '../registry.fixtures.ts';

const base = `/api/enterprises/${XUNXING_ID}`;

const pendingName: PendingChangeItem = {
  id: '9a8b7c6d-0000-4000-8000-000000000001',
  enterpriseId: XUNXING_ID,
  enterpriseName: '福建浔兴拉链科技股份有限公司',
  enterpriseUscc: XUNXING_USCC,
  field: 'name',
  oldValue: '福建浔兴拉链科技股份有限公司',
  newValue: '浔兴拉链集团股份有限公司',
  submittedBy: '晋江交发科技有限公司',
  submittedAt: '2026-01-06T02:00:00.000Z',
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  reason: null,
};

function serve(role: Role, record: EnterpriseDetail = detail(), extra: Record<string, Handler> = {}) {
  const me = role === 'enterprise' ? meFor(role, { scopeId: XUNXING_USCC }) : meFor(role);
  return fakeServer({
    'GET /api/auth/me': () => json(200, me),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/enterprises': () => json(200, { items: [listItem()], total: 1, page: 1, pageSize: 200 }),
    [`GET ${base}`]: () => json(200, record),
    [`GET ${base}/years`]: () => json(200, { items: [yearDetail()] }),
    [`GET ${base}/qualifications`]: () =>
      json(200, {
        items: [
          {
            id: 'q1',
            kind: 'hnte',
            certificateNo: 'GR202135000123',
            issuedOn: '2024-12-01',
            validTo: '2027-11-30',
            status: 'valid',
            source: 'officer',
            createdAt: '2026-01-01T00:00:00Z',
          },
          {
            id: 'q2',
            kind: 'tsme',
            certificateNo: null,
            issuedOn: '2026-03-01',
            validTo: '2026-12-31',
            status: 'expiring',
            source: 'officer',
            createdAt: '2026-01-01T00:00:00Z',
          },
          {
            id: 'q3',
            kind: 'provincial_key_lab',
            certificateNo: null,
            issuedOn: '2015-01-01',
            validTo: '2020-12-31',
            status: 'expired',
            source: 'import',
            createdAt: '2026-01-01T00:00:00Z',
          },
        ],
      }),
    [`GET ${base}/patents`]: () => json(200, { items: [patent()], total: 1, page: 1, pageSize: 20 }),
    [`GET ${base}/history`]: () =>
      json(200, {
        items: [
          {
            seq: 12,
            occurredAt: '2026-01-06T02:00:00.000Z',
            actorName: '科技局业务员',
            role: 'officer',
            action: 'enterprise.updated',
            changes: { staff: [4800, 4900] },
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      }),
    ...extra,
  });
}

describe('enterprise detail', () => {
  it('shows each profile field with where its value came from', async () => {
    serve('officer');
    renderApp(`/registry/enterprises/${XUNXING_ID}`);
    expect((await screen.findByTestId('enterprise-name')).textContent).toBe('福建浔兴拉链科技股份有限公司');
    const badge = screen.getByTestId('provenance-name');
    expect(badge.textContent).toBe('导入');
    expect(badge.getAttribute('data-verified')).toBe('false');
    expect(screen.getByTestId('profile-industryCode').textContent).toBe('C4190 其他未列明制造业');
    expect(screen.getByTestId('profile-revenueFen').textContent).toBe('195,000万元');
    expect(screen.getAllByTestId(/^enterprise-tab-/).map((tab) => tab.getAttribute('data-testid'))).toEqual([
      'enterprise-tab-profile',
      'enterprise-tab-years',
      'enterprise-tab-qualifications',
      'enterprise-tab-patents',
      'enterprise-tab-relations',
      'enterprise-tab-history',
    ]);
  });

  it('lets an officer verify a field and decide a pending change', async () => {
    const server = serve('officer', detail({ pendingChanges: [pendingName] }), {
      [`POST ${base}/fields/name/verify`]: () =>
        json(200, {
          field: 'name',
          provenance: {
            source: 'import',
            actorId: null,
            actorName: null,
            recordedAt: '2026-01-05T02:00:00Z',
            verified: true,
            verifiedByName: '测试officer',
            verifiedAt: '2026-01-07T02:00:00Z',
          },
        }),
      [`POST /api/pending-changes/${pendingName.id}/decide`]: () =>
        json(200, { ...pendingName, status: 'rejected' }),
    });
    renderApp(`/registry/enterprises/${XUNXING_ID}`);
    const row = await screen.findByTestId('pending-row-name');
    expect(within(row).getByText('浔兴拉链集团股份有限公司')).toBeTruthy();
    expect(screen.getByTestId('pending-name').textContent).toBe('待核实');

    fireEvent.click(screen.getByTestId('verify-name'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(server.callsTo('POST', `${base}/fields/name/verify`)).toHaveLength(1));

    fireEvent.click(screen.getByTestId('pending-reject-name'));
    fireEvent.click(await screen.findByTestId('pending-reject-dialog-ok'));
    expect(await screen.findByText('请填写驳回理由')).toBeTruthy();
    fireEvent.change(screen.getByTestId('pending-reject-reason'), { target: { value: '与营业执照不符' } });
    fireEvent.click(screen.getByTestId('pending-reject-dialog-ok'));
    await waitFor(() =>
      expect(server.callsTo('POST', `/api/pending-changes/${pendingName.id}/decide`)[0]?.body).toEqual({
        decision: 'reject',
        reason: '与营业执照不符',
      }),
    );
  });

  it('shows no verify or decide buttons to a leader, and no history tab to a town user', async () => {
    serve('leader', detail({ pendingChanges: [pendingName] }));
    const first = renderApp(`/registry/enterprises/${XUNXING_ID}`);
    await screen.findByTestId('pending-row-name');
    expect(screen.queryByTestId('verify-name')).toBeNull();
    expect(screen.queryByTestId('pending-reject-name')).toBeNull();
    expect(screen.queryByTestId('enterprise-edit-open')).toBeNull();
    first.unmount();
    serve('town');
    renderApp(`/registry/enterprises/${XUNXING_ID}`);
    await screen.findByTestId('enterprise-name');
    expect(screen.queryByTestId('enterprise-tab-history')).toBeNull();
  });

  it('derives the qualification status tags from the server’s status', async () => {
    serve('officer');
    renderApp(`/registry/enterprises/${XUNXING_ID}?tab=qualifications`);
    expect((await screen.findByTestId('qualification-status-q1')).textContent).toBe('有效');
    expect(screen.getByTestId('qualification-status-q2').textContent).toBe('6个月内到期');
    expect(screen.getByTestId('qualification-status-q3').textContent).toBe('已过期');
  });

  it('lists the enterprise’s patents and its history', async () => {
    serve('officer');
    const { router } = renderApp(`/registry/enterprises/${XUNXING_ID}?tab=patents`);
    expect(await screen.findByTestId('patent-row-201710601862.3')).toBeTruthy();
    expect(screen.getByTestId('patent-link-201710601862.3').getAttribute('href')).toBe(
      `/registry/patents/${patent().id}`,
    );
    fireEvent.click(screen.getByTestId('enterprise-tab-history'));
    const row = await screen.findByTestId('history-row-12');
    expect(row.textContent).toContain('修改信息');
    expect(router.state.location.search).toBe('?tab=history');
  });

  it('opens 我的企业 for an enterprise user and marks the fields that need verification', async () => {
    const server = serve('enterprise', detail(), {
      [`PATCH ${base}`]: () => json(200, detail({ pendingChanges: [pendingName] })),
    });
    renderApp('/my-enterprise');
    await screen.findByTestId('enterprise-name');
    expect(screen.queryByTestId('enterprise-back')).toBeNull();
    fireEvent.click(screen.getByTestId('enterprise-edit-open'));
    const dialog = await screen.findByTestId('enterprise-edit');
    expect(
      within(dialog)
        .getAllByTestId(/^edit-needs-verification-/)
        .map((el) => el.getAttribute('data-testid')),
    ).toEqual([
      'edit-needs-verification-name',
      'edit-needs-verification-uscc',
      'edit-needs-verification-staff',
      'edit-needs-verification-revenueFen',
    ]);
    fireEvent.change(screen.getByTestId('edit-name'), { target: { value: '浔兴拉链集团股份有限公司' } });
    fireEvent.change(screen.getByTestId('edit-address'), { target: { value: '晋江市深沪镇浔兴路 1 号' } });
    fireEvent.click(screen.getByTestId('enterprise-edit-ok'));
    await waitFor(() => expect(server.callsTo('PATCH', base)).toHaveLength(1));
    expect(server.callsTo('PATCH', base)[0]?.body).toEqual({
      name: '浔兴拉链集团股份有限公司',
      address: '晋江市深沪镇浔兴路 1 号',
    });
    expect(await screen.findByText('已保存。企业名称 的变更已提交科技局核实')).toBeTruthy();
  });

  it('checks a credit code with the server’s validator before sending', async () => {
    const server = serve('officer');
    renderApp(`/registry/enterprises/${XUNXING_ID}`);
    fireEvent.click(await screen.findByTestId('enterprise-edit-open'));
    await screen.findByTestId('enterprise-edit');
    fireEvent.change(screen.getByTestId('edit-uscc'), { target: { value: '91350582MA8RFY385A' } });
    fireEvent.click(screen.getByTestId('enterprise-edit-ok'));
    expect(await screen.findByText(/校验码/, { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(server.callsTo('PATCH', base)).toHaveLength(0);
  });
});
