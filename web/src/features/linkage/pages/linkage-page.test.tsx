import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import {
  apiError,
  fakeServer,
  json,
  meFor,
  type Handler,
  type RecordedCall,
} from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions } from '../../registry/registry.fixtures.ts';
import { TODAY, link, problemOf, problems, visit } from '../linkage.fixtures.ts';

function serve(role: Role, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/linkage/problems': (call) => {
      const overdue = new URLSearchParams(call.search).get('overdue') === 'true';
      const items = overdue ? problems.filter((p) => p.overdue) : problems;
      return json(200, { today: TODAY, items, total: items.length, page: 1, pageSize: 20 });
    },
    'GET /api/linkage/visits': () => json(200, { items: [visit], total: 1, page: 1, pageSize: 20 }),
    'GET /api/linkage/links': () => json(200, { today: TODAY, items: [link] }),
    'GET /api/linkage/people': () =>
      json(200, {
        leaders: [{ id: 'u-leader', name: '局领导' }],
        officers: [{ id: 'u-officer', name: '科技局业务员' }],
      }),
    ...extra,
  });
}

const row = (id: string) => screen.findByTestId(`problem-row-${id}`);
const params = (call: RecordedCall | undefined) =>
  Object.fromEntries(new URLSearchParams(call?.search ?? ''));
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function choose(testId: string, label: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options[options.length - 1]!);
}

describe('linkage page', () => {
  it('shows a leader the problems with status tags and the red overdue flag, and filters overdue ones', async () => {
    const server = serve('leader');
    renderApp('/linkage');
    const first = await row('p-1');
    expect(within(first).getByTestId('problem-overdue').textContent).toBe('逾期');
    expect(within(first).getByTestId('problem-status').textContent).toBe('待办理');
    expect(within(await row('p-2')).queryByTestId('problem-overdue')).toBeNull();
    expect(within(await row('p-2')).getByTestId('problem-status').textContent).toBe('办理中');
    expect(screen.getByText('截至 2026-11-26（北京时间）')).toBeTruthy();
    // A leader assigns nothing; they may only close or reopen a resolved problem.
    expect(screen.queryByTestId('problem-assign-open')).toBeNull();
    expect(within(first).queryByTestId('problem-status-open')).toBeNull();
    expect(within(await row('p-3')).getByTestId('problem-status-open')).toBeTruthy();
    expect(screen.queryByTestId('linkage-link')).toBeNull();

    fireEvent.click(screen.getByTestId('linkage-filter-overdue'));
    await waitFor(() => expect(screen.queryByTestId('problem-row-p-2')).toBeNull());
    const calls = server.callsTo('GET', '/api/linkage/problems');
    expect(params(calls.at(-1))).toEqual({ overdue: 'true', page: '1', pageSize: '20' });
  });

  it('records a visit with a problem as the contract parses it', async () => {
    const server = serve('leader', {
      'POST /api/linkage/visits': () => json(201, { visit, problems: [problemOf()] }),
    });
    renderApp('/linkage');
    await row('p-1');
    fireEvent.click(screen.getByTestId('linkage-record-visit'));
    await screen.findByTestId('visit-form');
    await choose('visit-link', '晋江交发科技有限公司（局领导）');
    type('visit-date', '2026-11-20');
    type('visit-summary', '座谈了解人才需求');
    type('visit-participants', '企业总经理');
    fireEvent.click(screen.getByTestId('visit-add-problem'));
    type('visit-problem-0-title', '急需引进工程师');
    type('visit-problem-0-due', '2026-12-31');
    type('visit-problem-0-department', '综合科');
    fireEvent.click(screen.getByTestId('visit-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/linkage/visits')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/linkage/visits')[0]!.body).toEqual({
      enterpriseId: 'e-1',
      leaderId: 'u-leader',
      visitedOn: '2026-11-20',
      summary: '座谈了解人才需求',
      participants: '企业总经理',
      problems: [
        {
          title: '急需引进工程师',
          category: 'policy',
          dueOn: '2026-12-31',
          description: '',
          department: '综合科',
        },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId('visit-form')).toBeNull());
  });

  it('shows the server’s refusal naming the field in the visit dialog', async () => {
    serve('leader', {
      'POST /api/linkage/visits': () =>
        apiError(
          400,
          'VALIDATION_FAILED',
          '提交的数据有误：problems.0.dueOn 不能早于走访日期（2026-11-20）',
          {
            fields: [{ field: 'problems.0.dueOn', message: '不能早于走访日期（2026-11-20）' }],
          },
        ),
    });
    renderApp('/linkage');
    await row('p-1');
    fireEvent.click(screen.getByTestId('linkage-record-visit'));
    await screen.findByTestId('visit-form');
    fireEvent.click(screen.getByTestId('visit-form-ok'));
    expect((await screen.findByTestId('visit-form-error')).textContent).toContain(
      'problems.0.dueOn 不能早于走访日期（2026-11-20）',
    );
  });

  it('lets an officer assign a problem and resolve it with a resolution', async () => {
    const server = serve('officer', {
      'PUT /api/linkage/problems/p-1/assignment': () => json(200, problemOf()),
      'POST /api/linkage/problems/p-2/status': () => json(200, problemOf({ id: 'p-2', status: 'resolved' })),
    });
    renderApp('/linkage');
    fireEvent.click(within(await row('p-1')).getByTestId('problem-assign-open'));
    await screen.findByTestId('problem-assign');
    await choose('problem-assign-officer', '科技局业务员');
    type('problem-assign-department', '高新科');
    type('problem-assign-due', '2026-12-15');
    fireEvent.click(screen.getByTestId('problem-assign-ok'));
    await waitFor(() =>
      expect(server.callsTo('PUT', '/api/linkage/problems/p-1/assignment')).toHaveLength(1),
    );
    expect(server.callsTo('PUT', '/api/linkage/problems/p-1/assignment')[0]!.body).toEqual({
      assigneeId: 'u-officer',
      department: '高新科',
      dueOn: '2026-12-15',
    });

    fireEvent.click(within(await row('p-2')).getByTestId('problem-status-open'));
    await screen.findByTestId('problem-status-form');
    expect(screen.getByText('可改为：已解决')).toBeTruthy();
    type('problem-status-resolution', '已协调税务部门答复');
    fireEvent.click(screen.getByTestId('problem-status-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/linkage/problems/p-2/status')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/linkage/problems/p-2/status')[0]!.body).toEqual({
      status: 'resolved',
      resolution: '已协调税务部门答复',
    });
    expect(screen.getByTestId('linkage-link')).toBeTruthy();
  });

  it('shows the links with their overdue count, and the visits', async () => {
    serve('officer');
    renderApp('/linkage');
    await row('p-1');
    fireEvent.click(screen.getByTestId('linkage-tab-links'));
    const linkRow = await screen.findByTestId('link-row-l-1');
    expect(within(linkRow).getByText('2026-01-01')).toBeTruthy();
    expect(within(linkRow).getByTestId('link-end')).toBeTruthy();
    fireEvent.click(screen.getByTestId('linkage-tab-visits'));
    expect(within(await screen.findByTestId('visit-row-v-1')).getByText('了解研发投入情况')).toBeTruthy();
  });

  it('gives a town officer the problems and visits of their town to read', async () => {
    serve('town');
    renderApp('/linkage');
    await row('p-1');
    expect(screen.getByTestId('linkage-tab-visits')).toBeTruthy();
    expect(screen.queryByTestId('linkage-tab-links')).toBeNull();
    expect(screen.queryByTestId('linkage-record-visit')).toBeNull();
    expect(screen.queryByTestId('linkage-filter-town')).toBeNull();
    expect(screen.queryByTestId('problem-assign-open')).toBeNull();
    expect(screen.queryByTestId('problem-status-open')).toBeNull();
  });

  it('gives an enterprise a read-only view of its problems', async () => {
    serve('enterprise');
    renderApp('/linkage');
    await row('p-3');
    expect(screen.getByText('以下是本企业向挂钩领导反映的诉求及办理情况')).toBeTruthy();
    expect(screen.queryByTestId('linkage-tab-visits')).toBeNull();
    expect(screen.queryByTestId('linkage-tab-links')).toBeNull();
    expect(screen.queryByTestId('linkage-record-visit')).toBeNull();
    expect(screen.queryByTestId('problem-status-open')).toBeNull();
  });
});
