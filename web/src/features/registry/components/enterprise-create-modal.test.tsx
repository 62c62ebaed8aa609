import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { makeUscc, validateUscc } from '@jinke/core/common/ids/uscc.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { detail, divisions, listItem, XUNXING_ID, XUNXING_USCC } from '../registry.fixtures.ts';

const NEW_ID = '3f9e1d2c-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const USCC = makeUscc('91350582MA2Y8K3L1');
/** The same code with the next character of the set as its check character. */
const CORRUPTED = `${USCC.slice(0, 17)}${USCC.at(-1) === '0' ? '1' : '0'}`;
const ERROR = { selector: '.ant-form-item-explain-error' };

function serve(create: Handler, role: Role = 'officer') {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/enterprises': () => json(200, { items: [listItem()], total: 1, page: 1, pageSize: 20 }),
    'POST /api/enterprises': create,
    [`GET /api/enterprises/${NEW_ID}`]: () =>
      json(200, detail({ id: NEW_ID, uscc: USCC, name: '晋江市新登记科技有限公司' })),
  });
}

async function openForm() {
  const app = renderApp('/registry/enterprises');
  await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
  fireEvent.click(screen.getByTestId('enterprise-create-open'));
  await screen.findByTestId('enterprise-create');
  return app;
}

function type(field: string, value: string) {
  fireEvent.change(screen.getByTestId(`enterprise-create-${field}`), { target: { value } });
}

const submit = () => fireEvent.click(screen.getByTestId('enterprise-create-ok'));

describe('registering an enterprise', () => {
  it('names the check character a corrupted credit code should have, under the field, without asking the server', async () => {
    const server = serve(() => json(201, detail()));
    await openForm();
    type('name', '晋江市新登记科技有限公司');
    type('uscc', CORRUPTED);
    submit();
    const failure = validateUscc(CORRUPTED);
    if (failure.ok) throw new Error('the corrupted code passed');
    expect(await screen.findByText(failure.message.zh, ERROR)).toBeTruthy();
    expect(failure.message.zh).toBe(`校验码应为 ${USCC.at(-1) ?? ''}`);
    expect(server.callsTo('POST', '/api/enterprises')).toHaveLength(0);
  });

  it('shows a credit code registered already under the field, with a link to the enterprise that holds it', async () => {
    const message = `统一社会信用代码 ${USCC} 已登记为“福建浔兴拉链科技股份有限公司”（${XUNXING_ID}）`;
    serve(() =>
      apiError(409, 'CONFLICT', message, {
        field: 'uscc',
        existing: { id: XUNXING_ID, name: '福建浔兴拉链科技股份有限公司' },
      }),
    );
    await openForm();
    type('name', '晋江市新登记科技有限公司');
    type('uscc', USCC);
    submit();
    expect(await screen.findByText(message, ERROR)).toBeTruthy();
    const link = await screen.findByTestId('enterprise-create-conflict-link');
    expect(link.getAttribute('href')).toBe(`/registry/enterprises/${XUNXING_ID}`);
    expect(link.textContent).toBe('打开已登记的“福建浔兴拉链科技股份有限公司”');
  });

  it('sends the profile as the contract parsed it and opens the new enterprise', async () => {
    const server = serve(() =>
      json(201, detail({ id: NEW_ID, uscc: USCC, name: '晋江市新登记科技有限公司' })),
    );
    const { router } = await openForm();
    type('name', ' 晋江市新登记科技有限公司 ');
    type('uscc', USCC.toLowerCase());
    type('staff', '120');
    type('revenue', '1,234.5');
    type('contact-phone', '0595-85678901');
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/registry/enterprises/${NEW_ID}`));
    const [call] = server.callsTo('POST', '/api/enterprises');
    expect(call?.body).toEqual({
      uscc: USCC,
      name: '晋江市新登记科技有限公司',
      formerNames: [],
      legalRep: null,
      registeredOn: null,
      address: null,
      townCode: null,
      industryCode: null,
      hitechField: null,
      staff: 120,
      revenueFen: 1_234_500_000,
      contactName: null,
      contactPhone: '0595-85678901',
    });
    expect(call?.headers.get('x-csrf-token')).toBe('csrf-officer');
  });

  it('offers the form to officers only, not to leaders', async () => {
    serve(() => json(201, detail()), 'leader');
    renderApp('/registry/enterprises');
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    expect(screen.queryByTestId('enterprise-create-open')).toBeNull();
  });
});
