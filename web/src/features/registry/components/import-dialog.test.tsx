import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportRowsInvalidDetails, JobItem } from '@jinke/core/registry/import.contract.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import { divisions, listItem, XUNXING_USCC } from '../registry.fixtures.ts';

const JOB_ID = '0b7a3c9e-2f4d-4c1b-9e8a-6d5f4e3c2b1a';

const badRows: ImportRowsInvalidDetails = {
  jobId: JOB_ID,
  kind: 'enterprises',
  rows: 10,
  badRowCount: 2,
  truncated: false,
  errorsUrl: `/api/import/jobs/${JOB_ID}/errors.xlsx`,
  badRows: [
    {
      row: 7,
      values: { uscc: '91350582MA2XXXXX0X', name: '晋江市乙公司' },
      problems: [
        {
          column: '统一社会信用代码*',
          key: 'uscc',
          value: '91350582MA2XXXXX0X',
          rule: 'uscc_check_digit',
          zh: '校验码错误，应为 Y',
          en: 'wrong check character, expected Y',
        },
      ],
    },
    {
      row: 4,
      values: { uscc: '91350582MA8RFY385R', staff: '-3' },
      problems: [
        {
          column: '职工人数',
          key: 'staff',
          value: '-3',
          rule: 'integer_range',
          zh: '应为 0 到 10000000 之间的整数',
          en: 'must be a whole number from 0 to 10000000',
        },
        { column: '企业名称*', key: 'name', value: null, rule: 'required', zh: '必填', en: 'is required' },
      ],
    },
  ],
};

function serve(upload: Handler, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('officer')),
    'GET /api/divisions': () => json(200, { items: divisions }),
    'GET /api/enterprises': () => json(200, { items: [listItem()], total: 1, page: 1, pageSize: 20 }),
    'POST /api/import/enterprises': upload,
    ...extra,
  });
}

async function openAndUpload(name = '企业.xlsx') {
  renderApp('/registry/enterprises');
  await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
  fireEvent.click(screen.getByTestId('enterprise-import'));
  const input = await screen.findByTestId('import-file');
  const file = new File([new Uint8Array([80, 75, 3, 4])], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
}

const xlsxResponse = () =>
  new Response(new Blob(['x']), {
    status: 200,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });

describe('enterprise import', () => {
  it('sends the workbook itself with the CSRF token, and lists each bad row by row, column, value and reason', async () => {
    const server = serve(
      () => apiError(400, 'IMPORT_ROWS_INVALID', '共 10 行，其中 2 行有错，未导入任何数据', badRows),
      {
        [`GET /api/import/jobs/${JOB_ID}/errors.xlsx`]: xlsxResponse,
      },
    );
    await openAndUpload();
    const report = await screen.findByTestId('import-report');
    expect(screen.getByTestId('import-rejected').textContent).toContain(
      '共 10 行，其中 2 行有错，未导入任何数据',
    );

    const [upload] = server.callsTo('POST', '/api/import/enterprises');
    expect(upload?.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(upload?.headers.get('x-csrf-token')).toBe('csrf-officer');
    expect(new URLSearchParams(upload?.search).get('fileName')).toBe('企业.xlsx');

    const lines = within(report)
      .getAllByTestId(/^import-problem-/)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(lines).toEqual([
      ['4', '职工人数', '-3', '应为 0 到 10000000 之间的整数'],
      ['4', '企业名称*', '—', '必填'],
      ['7', '统一社会信用代码*', '91350582MA2XXXXX0X', '校验码错误，应为 Y'],
    ]);

    fireEvent.click(screen.getByTestId('import-download-errors'));
    await waitFor(() =>
      expect(server.callsTo('GET', `/api/import/jobs/${JOB_ID}/errors.xlsx`)).toHaveLength(1),
    );
  });

  it('shows the reasons in English when the interface is English', async () => {
    serve(() => apiError(400, 'IMPORT_ROWS_INVALID', '2 of 10 rows are invalid', badRows));
    window.localStorage.setItem('jinke.locale', 'en-US');
    renderApp('/registry/enterprises', { locale: 'en-US' });
    await screen.findByTestId(`enterprise-row-${XUNXING_USCC}`);
    fireEvent.click(screen.getByTestId('enterprise-import'));
    fireEvent.change(await screen.findByTestId('import-file'), {
      target: { files: [new File(['x'], 'a.xlsx')] },
    });
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('wrong check character, expected Y')).toBeTruthy();
    expect(screen.getByTestId('import-rejected').textContent).toContain(
      '2 of 10 rows are invalid; nothing was imported.',
    );
  });

  it('reports what was imported when the file is accepted at once', async () => {
    serve(() =>
      json(200, {
        jobId: JOB_ID,
        status: 'succeeded',
        summary: { kind: 'enterprises', rows: 8, created: 8, updated: 0, fileSm3: 'ab' },
      }),
    );
    await openAndUpload();
    expect((await screen.findByTestId('import-success')).textContent).toBe(
      '导入成功：共 8 行，新增 8 条，更新 0 条',
    );
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('follows a large file processed in the background until its job ends', async () => {
    let polls = 0;
    const job = (over: Partial<JobItem>): JobItem => ({
      id: JOB_ID,
      kind: 'registry.import',
      status: 'running',
      progress: 0,
      total: 5000,
      createdAt: '2026-01-05T02:00:00.000Z',
      startedAt: '2026-01-05T02:00:01.000Z',
      finishedAt: null,
      result: null,
      error: null,
      ...over,
    });
    serve(() => json(202, { jobId: JOB_ID, status: 'queued', summary: null }), {
      [`GET /api/jobs/${JOB_ID}`]: () => {
        polls++;
        if (polls === 1) return json(200, job({ progress: 2500 }));
        return json(
          200,
          job({
            status: 'succeeded',
            progress: 5000,
            result: { kind: 'enterprises', rows: 5000, created: 4990, updated: 10, fileSm3: 'cd' },
          }),
        );
      },
    });
    await openAndUpload();
    const progress = await screen.findByTestId('import-progress');
    await waitFor(() => expect(progress.textContent).toContain('已处理 2500 / 5000 行'));
    expect((await screen.findByTestId('import-success')).textContent).toBe(
      '导入成功：共 5000 行，新增 4990 条，更新 10 条',
    );
    expect(polls).toBe(2);
  });

  it('shows the bad rows of a background import that failed on them', async () => {
    serve(() => json(202, { jobId: JOB_ID, status: 'queued', summary: null }), {
      [`GET /api/jobs/${JOB_ID}`]: () =>
        json(200, {
          id: JOB_ID,
          kind: 'registry.import',
          status: 'failed',
          progress: 10,
          total: 10,
          createdAt: '2026-01-05T02:00:00.000Z',
          startedAt: null,
          finishedAt: null,
          result: null,
          error: { code: 'IMPORT_ROWS_INVALID', message: '有错', zh: '有错', en: 'bad', details: badRows },
        }),
    });
    await openAndUpload();
    expect((await screen.findByTestId('import-rejected')).getAttribute('data-bad-rows')).toBe('2');
  });

  it('refuses a file that is not an xlsx workbook without sending it', async () => {
    const server = serve(() => json(200, {}));
    await openAndUpload('企业.xls');
    expect((await screen.findByTestId('import-notice')).textContent).toBe('请选择 .xlsx 格式的 Excel 工作簿');
    expect(server.callsTo('POST', '/api/import/enterprises')).toHaveLength(0);
  });
});
