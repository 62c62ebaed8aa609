import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeServer, json, meFor } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';
import type { ExpertItem } from '../api.ts';

const EXPERT_ID = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98';

const expert: ExpertItem = {
  id: EXPERT_ID,
  code: 'EXP-0001',
  name: '林建华',
  title: '教授',
  employerUscc: null,
  instituteId: null,
  instituteName: '华侨大学',
  fields: [{ code: '40306', name: '高分子材料的新型加工和应用技术' }],
  ipcClasses: ['A43B'],
  expertise: null,
  relations: [{ kind: 'former_employer', name: '福建浔兴拉链科技股份有限公司', until: '2012-06-30' }],
  available: true,
  phone: '139****1234',
  idCard: null,
  personalDataRevealed: false,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
};

function serve() {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor('expert')),
    'GET /api/experts': () => json(200, { items: [expert], total: 1, page: 1, pageSize: 20 }),
    [`GET /api/experts/${EXPERT_ID}`]: () => json(200, expert),
    [`PATCH /api/experts/${EXPERT_ID}`]: () => json(200, { ...expert, available: false }),
  });
}

describe('my expert record', () => {
  it('shows the expert their own record, without the reveal an officer has', async () => {
    serve();
    renderApp('/my-expert');
    expect((await screen.findByTestId('expert-name')).textContent).toBe('我的专家信息 · 林建华');
    expect(screen.getByTestId('expert-phone-value').textContent).toBe('139****1234');
    expect(screen.queryByTestId('expert-reveal')).toBeNull();
  });

  it('sends only the availability when that is all the expert changed', async () => {
    const server = serve();
    renderApp('/my-expert');
    fireEvent.click(await screen.findByTestId('expert-edit-open'));
    fireEvent.click(await screen.findByTestId('expert-available'));
    fireEvent.click(screen.getByTestId('expert-edit-ok'));
    await waitFor(() => expect(server.callsTo('PATCH', `/api/experts/${EXPERT_ID}`)).toHaveLength(1));
    expect(server.callsTo('PATCH', `/api/experts/${EXPERT_ID}`)[0]?.body).toEqual({ available: false });
  });

  it('checks a declared relation’s credit code with the server’s rule before sending', async () => {
    const server = serve();
    renderApp('/my-expert');
    fireEvent.click(await screen.findByTestId('expert-edit-open'));
    fireEvent.change(await screen.findByTestId('expert-relation-0-uscc'), {
      target: { value: '91350582MA8RFY385A' },
    });
    fireEvent.click(screen.getByTestId('expert-edit-ok'));
    expect(
      await screen.findByText('校验码应为 R', { selector: '.ant-form-item-explain-error' }),
    ).toBeTruthy();
    expect(server.callsTo('PATCH', `/api/experts/${EXPERT_ID}`)).toHaveLength(0);
  });
});
