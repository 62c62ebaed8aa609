import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ExpertItem } from '@jinke/core/registry/experts.contract.ts';
import type { InstituteItem } from '@jinke/core/registry/institutes.contract.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';

const NEW_ID = '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a';
const INSTITUTE_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ERROR = { selector: '.ant-form-item-explain-error' };

const institute: InstituteItem = {
  id: INSTITUTE_ID,
  name: '泉州师范学院晋江研究院',
  kind: 'research_institute',
  uscc: null,
  address: null,
  townCode: null,
  townName: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

function expert(overrides: Partial<ExpertItem> = {}): ExpertItem {
  return {
    id: NEW_ID,
    code: 'EXP-0101',
    name: '陈晓明',
    title: null,
    employerUscc: null,
    instituteId: null,
    instituteName: null,
    fields: [],
    ipcClasses: [],
    expertise: null,
    relations: [],
    available: true,
    phone: null,
    idCard: null,
    personalDataRevealed: false,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

function serve(create: Handler) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('officer')),
    'GET /api/experts': () =>
      json(200, { items: [expert({ id: 'e-1', code: 'EXP-0001' })], total: 1, page: 1, pageSize: 20 }),
    'GET /api/institutes': () => json(200, { items: [institute], total: 1, page: 1, pageSize: 20 }),
    'POST /api/experts': create,
    [`GET /api/experts/${NEW_ID}`]: () => json(200, expert()),
  });
}

async function openForm() {
  const app = renderApp('/registry/experts');
  await screen.findByTestId('expert-row-EXP-0001');
  fireEvent.click(screen.getByTestId('expert-create-open'));
  await screen.findByTestId('expert-create');
  return app;
}

const type = (field: string, value: string) =>
  fireEvent.change(screen.getByTestId(`expert-create-${field}`), { target: { value } });

const submit = () => fireEvent.click(screen.getByTestId('expert-create-ok'));

describe('adding an expert', () => {
  it('checks the code, the phone and the identity number with the contract’s rules before sending', async () => {
    const server = serve(() => json(201, expert()));
    await openForm();
    type('name', '陈晓明');
    type('code', 'E-1');
    type('phone', '12345');
    type('id-card', '350582199001011234');
    submit();
    expect(await screen.findByText('须为 EXP- 加至少 4 位数字（如 EXP-0001）', ERROR)).toBeTruthy();
    expect(await screen.findByText(/手机/, ERROR)).toBeTruthy();
    expect(await screen.findByText(/校验/, ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/experts')).toHaveLength(0);
  });

  it('shows a code in use already under the code', async () => {
    serve(() =>
      apiError(409, 'RECORD_CODE_TAKEN', '专家编号 EXP-0001 已被使用', {
        fields: [{ field: 'code', message: 'code 已被使用 / code is already in use', rule: 'duplicate' }],
      }),
    );
    await openForm();
    type('name', '陈晓明');
    type('code', 'EXP-0001');
    submit();
    expect(await screen.findByText('专家编号 EXP-0001 已被使用', ERROR)).toBeTruthy();
    expect(screen.getByTestId('expert-create-conflict').textContent).toContain('专家编号 EXP-0001 已被使用');
    expect(screen.queryByTestId('expert-create-conflict-link')).toBeNull();
  });

  it('adds the expert with the institute found by name, and opens the record', async () => {
    const server = serve(() => json(201, expert()));
    const { router } = await openForm();
    type('name', '陈晓明');
    const picker = screen.getByTestId('expert-create-institute');
    fireEvent.mouseDown(picker.querySelector('.ant-select-selector') ?? picker);
    fireEvent.change(picker.querySelector('input') ?? picker, { target: { value: '泉州' } });
    fireEvent.click(await screen.findByTitle('泉州师范学院晋江研究院'));
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/registry/experts/${NEW_ID}`));
    expect(server.callsTo('GET', '/api/institutes').map((c) => c.search)).toContain(
      `?q=${encodeURIComponent('泉州')}&pageSize=20`,
    );
    expect(server.callsTo('POST', '/api/experts')[0]?.body).toEqual({
      name: '陈晓明',
      title: null,
      employerUscc: null,
      instituteId: INSTITUTE_ID,
      fields: [],
      ipcClasses: [],
      expertise: null,
      relations: [],
      available: true,
      phone: null,
      idCard: null,
    });
  });
});
