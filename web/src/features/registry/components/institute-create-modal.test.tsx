import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { makeUscc } from '@jinke/core/common/ids/uscc.ts';
import type { InstituteItem } from '@jinke/core/registry/institutes.contract.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions } from '../registry.fixtures.ts';

const NEW_ID = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
const EXISTING_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ERROR = { selector: '.ant-form-item-explain-error' };

function institute(overrides: Partial<InstituteItem> = {}): InstituteItem {
  return {
    id: EXISTING_ID,
    name: '泉州师范学院晋江研究院',
    kind: 'research_institute',
    uscc: null,
    address: null,
    townCode: null,
    townName: null,
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

function serve(create: Handler) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('officer')),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/institutes': () => json(200, { items: [institute()], total: 1, page: 1, pageSize: 20 }),
    'POST /api/institutes': create,
    [`GET /api/institutes/${NEW_ID}`]: () =>
      json(200, institute({ id: NEW_ID, name: '晋江市石墨烯产业研究院' })),
    'GET /api/experts': () => json(200, { items: [], total: 0, page: 1, pageSize: 100 }),
  });
}

async function openForm() {
  const app = renderApp('/registry/institutes');
  await screen.findByTestId(`institute-row-${EXISTING_ID}`);
  fireEvent.click(screen.getByTestId('institute-create-open'));
  await screen.findByTestId('institute-create');
  return app;
}

const type = (field: string, value: string) =>
  fireEvent.change(screen.getByTestId(`institute-create-${field}`), { target: { value } });

async function chooseKind(label: string) {
  const select = screen.getByTestId('institute-create-kind');
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  fireEvent.click(await screen.findByTitle(label));
}

const submit = () => fireEvent.click(screen.getByTestId('institute-create-ok'));

describe('registering an institute', () => {
  it('asks for the kind and checks the credit code before sending anything', async () => {
    const server = serve(() => json(201, institute()));
    await openForm();
    type('name', '晋江市石墨烯产业研究院');
    type('uscc', '12350582MA0000000X');
    submit();
    expect(await screen.findByText('必填', ERROR)).toBeTruthy();
    expect(await screen.findByText(/^校验码应为 /, ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/institutes')).toHaveLength(0);
  });

  it('names the institute registered under the same name, with a link to it', async () => {
    const message = '已登记同名或同一信用代码的机构“泉州师范学院晋江研究院”';
    serve(() =>
      apiError(409, 'INSTITUTE_DUPLICATE', message, {
        existingId: EXISTING_ID,
        name: '泉州师范学院晋江研究院',
        field: 'name',
      }),
    );
    await openForm();
    type('name', '泉州师范学院晋江研究院');
    await chooseKind('科研院所');
    submit();
    expect(await screen.findByText(message, ERROR)).toBeTruthy();
    const link = await screen.findByTestId('institute-create-conflict-link');
    expect(link.getAttribute('href')).toBe(`/registry/institutes/${EXISTING_ID}`);
  });

  it('registers the institute and opens it', async () => {
    const uscc = makeUscc('12350582MA0000001');
    const server = serve(() => json(201, institute({ id: NEW_ID, name: '晋江市石墨烯产业研究院' })));
    const { router } = await openForm();
    type('name', '晋江市石墨烯产业研究院');
    await chooseKind('新型研发机构');
    type('uscc', uscc);
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/registry/institutes/${NEW_ID}`));
    expect(server.callsTo('POST', '/api/institutes')[0]?.body).toEqual({
      name: '晋江市石墨烯产业研究院',
      kind: 'new_rnd_institution',
      uscc,
      address: null,
      townCode: null,
    });
  });
});
