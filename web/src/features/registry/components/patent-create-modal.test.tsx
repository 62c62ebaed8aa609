import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { validatePatentApplicationNumber } from '@jinke/core/common/ids/patent-number.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions, listItem, patent, XUNXING_ID } from '../registry.fixtures.ts';

const NEW_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const NUMBER = '201710601862.3';
const ERROR = { selector: '.ant-form-item-explain-error' };

function serve(create: Handler) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('officer')),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/patents': () => json(200, { items: [patent()], total: 1, page: 1, pageSize: 20 }),
    'GET /api/enterprises': () => json(200, { items: [listItem()], total: 1, page: 1, pageSize: 20 }),
    'POST /api/patents': create,
    [`GET /api/patents/${NEW_ID}`]: () => json(200, patent({ id: NEW_ID })),
  });
}

async function openForm() {
  const app = renderApp('/registry/patents');
  await screen.findByTestId(`patent-row-${NUMBER}`);
  fireEvent.click(screen.getByTestId('patent-create-open'));
  await screen.findByTestId('patent-create');
  return app;
}

function inputOf(testId: string): HTMLElement {
  const element = screen.getByTestId(testId);
  return element instanceof HTMLInputElement ? element : (element.querySelector('input') ?? element);
}

const type = (field: string, value: string) =>
  fireEvent.change(inputOf(`patent-create-${field}`), { target: { value } });

/** Types a date into the picker and confirms it, as a keyboard user would. */
function typeDate(field: string, value: string) {
  const input = inputOf(`patent-create-${field}`);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

/** Finds the enterprise by a word of its name in the first applicant's picker. */
async function chooseApplicant(word: string, title: string) {
  const picker = screen.getByTestId('patent-applicant-0-holder');
  fireEvent.mouseDown(picker.querySelector('.ant-select-selector') ?? picker);
  fireEvent.change(picker.querySelector('input') ?? picker, { target: { value: word } });
  fireEvent.click(await screen.findByTitle(title));
}

const submit = () => fireEvent.click(screen.getByTestId('patent-create-ok'));

describe('registering a patent', () => {
  it('names the check character a wrong application number should have, and asks for the dates and applicant', async () => {
    const server = serve(() => json(201, patent()));
    await openForm();
    const wrong = '201710601862.4';
    type('application-no', wrong);
    type('title', '一种拉链头');
    submit();
    const failure = validatePatentApplicationNumber(wrong);
    if (failure.ok) throw new Error('the wrong number passed');
    expect(await screen.findByText(failure.message.zh, ERROR)).toBeTruthy();
    expect(await screen.findByText('请选择或填写申请人', ERROR)).toBeTruthy();
    expect(screen.getAllByText('必填', ERROR)).toHaveLength(1);
    expect(server.callsTo('POST', '/api/patents')).toHaveLength(0);
  });

  it('shows a number registered already under the number, with a link to that patent', async () => {
    const message = `申请号 ${NUMBER} 已登记为“一种拉链头”`;
    serve(() =>
      apiError(409, 'PATENT_DUPLICATE', message, {
        existingId: patent().id,
        applicationNo: NUMBER,
        title: '一种拉链头',
        fields: [
          {
            field: 'applicationNo',
            message: 'applicationNo 已登记 / applicationNo is already registered',
            rule: 'duplicate',
          },
        ],
      }),
    );
    await openForm();
    type('application-no', NUMBER);
    type('title', '一种拉链头');
    typeDate('filedOn', '2017-07-20');
    await chooseApplicant('浔兴', '福建浔兴拉链科技股份有限公司（91350500154382000Q）');
    submit();
    expect(await screen.findByText(message, ERROR)).toBeTruthy();
    const link = await screen.findByTestId('patent-create-conflict-link');
    expect(link.getAttribute('href')).toBe(`/registry/patents/${patent().id}`);
  });

  it('refuses a grant date before the filing date, as the server would', async () => {
    const server = serve(() => json(201, patent()));
    await openForm();
    type('application-no', NUMBER);
    type('title', '一种拉链头');
    typeDate('filedOn', '2017-07-20');
    typeDate('grantedOn', '2017-01-05');
    await chooseApplicant('浔兴', '福建浔兴拉链科技股份有限公司（91350500154382000Q）');
    submit();
    expect(await screen.findByText('不能早于申请日（2017-07-20）', ERROR)).toBeTruthy();
    expect(server.callsTo('POST', '/api/patents')).toHaveLength(0);
  });

  it('links the applicant chosen by name to its registry record and opens the new patent', async () => {
    const server = serve(() => json(201, patent({ id: NEW_ID })));
    const { router } = await openForm();
    type('application-no', NUMBER);
    type('title', ' 一种拉链头 ');
    typeDate('filedOn', '2017-07-20');
    await chooseApplicant('浔兴', '福建浔兴拉链科技股份有限公司（91350500154382000Q）');
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/registry/patents/${NEW_ID}`));
    expect(server.callsTo('POST', '/api/patents')[0]?.body).toEqual({
      applicationNo: NUMBER,
      title: '一种拉链头',
      ipcCodes: [],
      filedOn: '2017-07-20',
      publishedOn: null,
      grantedOn: null,
      lapsedOn: null,
      townCode: null,
      applicants: [{ holderType: 'enterprise', holderId: XUNXING_ID }],
    });
  });
});
