import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@jinke/core/accounts/roles.ts';
import type {
  CourseItem,
  EnrolmentItem,
  MyEnrolmentItem,
  SessionItem,
} from '@jinke/core/cultivation/training.contract.ts';
import { apiError, fakeServer, json, meFor, type Handler } from '../../../test/fake-server.ts';
import { renderApp } from '../../../test/render-app.tsx';

const COURSE: CourseItem = {
  id: 'c-1',
  title: '高新技术企业认定政策解读与申报实务',
  summary: '逐条解读认定条件',
  topic: 'recognition',
  materialsUrl: 'http://www.innocom.gov.cn/',
  upcomingSessions: 1,
  createdAt: '2026-11-20T02:00:00.000Z',
};

function session(over: Partial<SessionItem> = {}): SessionItem {
  return {
    id: 's-1',
    courseId: 'c-1',
    courseTitle: COURSE.title,
    topic: 'recognition',
    startsAt: '2030-12-03T01:30:00.000Z',
    endsAt: '2030-12-03T03:30:00.000Z',
    mode: 'onsite',
    place: '晋江市科技和知识产权局三楼多功能厅',
    onlineUrl: null,
    capacity: 80,
    enrolled: 79,
    seatsLeft: 1,
    status: 'scheduled',
    myEnrolment: null,
    ...over,
  };
}

function serve(
  role: Role,
  extra: Record<string, Handler> = {},
  sessions: () => SessionItem[] = () => [session()],
) {
  return fakeServer({
    'GET /api/auth/me': () => json(200, meFor(role)),
    'GET /api/cultivation/training/courses': () => json(200, { items: [COURSE] }),
    'GET /api/cultivation/training/sessions': () => json(200, { items: sessions() }),
    ...extra,
  });
}

describe('training page', () => {
  it('lets an enterprise user enrol in a session and then shows the enrolment', async () => {
    let enrolled = false;
    const server = serve(
      'enterprise',
      {
        'POST /api/cultivation/training/sessions/s-1/enrolments': () => {
          enrolled = true;
          return json(
            201,
            session({ enrolled: 80, seatsLeft: 0, myEnrolment: { id: 'n-1', attended: null } }),
          );
        },
      },
      () => [
        enrolled
          ? session({ enrolled: 80, seatsLeft: 0, myEnrolment: { id: 'n-1', attended: null } })
          : session(),
      ],
    );
    renderApp('/cultivation/training');
    fireEvent.click(await screen.findByTestId('training-enrol-s-1'));
    expect(await screen.findByTestId('training-enrolled-s-1')).toBeTruthy();
    expect(server.callsTo('POST', '/api/cultivation/training/sessions/s-1/enrolments')).toHaveLength(1);
    expect(
      server
        .callsTo('POST', '/api/cultivation/training/sessions/s-1/enrolments')[0]
        ?.headers.get('X-CSRF-Token'),
    ).toBe('csrf-enterprise');
    expect(screen.getByTestId('training-seats-s-1').textContent).toBe('已报 80 / 80');
    expect(screen.getByTestId('training-cancel-s-1')).toBeTruthy();
  });

  it("shows the server's reason when the session filled up meanwhile", async () => {
    serve('enterprise', {
      'POST /api/cultivation/training/sessions/s-1/enrolments': () =>
        apiError(409, 'TRAINING_SESSION_FULL', '该场次名额已满'),
    });
    renderApp('/cultivation/training');
    fireEvent.click(await screen.findByTestId('training-enrol-s-1'));
    expect(await screen.findByText('操作失败：该场次名额已满')).toBeTruthy();
  });

  it('cancels an enrolment after confirmation', async () => {
    const server = serve(
      'enterprise',
      { 'DELETE /api/cultivation/training/enrolments/n-1': () => json(200, { ok: true }) },
      () => [session({ myEnrolment: { id: 'n-1', attended: null } })],
    );
    renderApp('/cultivation/training');
    fireEvent.click(await screen.findByTestId('training-cancel-s-1'));
    fireEvent.click(await screen.findByTestId('training-cancel-confirm-s-1'));
    await waitFor(() =>
      expect(server.callsTo('DELETE', '/api/cultivation/training/enrolments/n-1')).toHaveLength(1),
    );
  });

  it("lists the enterprise user's enrolments on their tab", async () => {
    const mine: MyEnrolmentItem[] = [
      {
        id: 'n-1',
        enrolledAt: '2026-11-26T02:00:00.000Z',
        attended: true,
        session: session({ myEnrolment: { id: 'n-1', attended: true } }),
      },
    ];
    serve('enterprise', { 'GET /api/cultivation/training/my-enrolments': () => json(200, { items: mine }) });
    renderApp('/cultivation/training?tab=mine');
    const card = await screen.findByTestId('training-mine-s-1');
    expect(within(card).getByText(COURSE.title)).toBeTruthy();
    expect(within(card).getByText('已到')).toBeTruthy();
  });

  it('lets an officer mark attendance on the roster of a session that has started', async () => {
    const roster: EnrolmentItem[] = [
      {
        id: 'n-1',
        sessionId: 's-1',
        userId: 'u-1',
        participant: '张伟',
        enterpriseUscc: '91350582MA0000001X',
        enterpriseName: '晋江交发科技有限公司',
        enrolledAt: '2026-11-20T02:00:00.000Z',
        attended: null,
      },
    ];
    const server = serve(
      'officer',
      {
        'GET /api/cultivation/training/sessions/s-1/enrolments': () => json(200, { items: roster }),
        'PUT /api/cultivation/training/enrolments/n-1/attendance': () =>
          json(200, { ...roster[0], attended: true }),
      },
      () => [session({ startsAt: '2020-12-03T01:30:00.000Z', endsAt: '2020-12-03T03:30:00.000Z' })],
    );
    renderApp('/cultivation/training');
    expect(screen.queryByTestId('training-enrol-s-1')).toBeNull();
    fireEvent.click(await screen.findByTestId('training-roster-s-1'));
    const row = await screen.findByTestId('training-roster-row-n-1');
    expect(within(row).getByText('晋江交发科技有限公司')).toBeTruthy();
    fireEvent.click(within(row).getByTestId('training-attend-n-1'));
    await waitFor(() =>
      expect(server.callsTo('PUT', '/api/cultivation/training/enrolments/n-1/attendance')[0]?.body).toEqual({
        attended: true,
      }),
    );
  });

  it('lets an officer create a course', async () => {
    const server = serve('officer', {
      'POST /api/cultivation/training/courses': () => json(201, { ...COURSE, id: 'c-2' }),
    });
    renderApp('/cultivation/training');
    fireEvent.click(await screen.findByTestId('training-course-new'));
    fireEvent.change(await screen.findByTestId('training-course-title'), {
      target: { value: '研发费用归集与辅助账规范' },
    });
    fireEvent.change(screen.getByTestId('training-course-materials'), {
      target: { value: 'http://www.innocom.gov.cn/' },
    });
    fireEvent.click(screen.getByTestId('training-course-form-ok'));
    await waitFor(() => expect(server.callsTo('POST', '/api/cultivation/training/courses')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/cultivation/training/courses')[0]?.body).toEqual({
      title: '研发费用归集与辅助账规范',
      topic: 'recognition',
      summary: '',
      materialsUrl: 'http://www.innocom.gov.cn/',
    });
  });

  it('gives the administrator management and the roster but no enrolment', async () => {
    serve('admin');
    renderApp('/cultivation/training');
    expect(await screen.findByTestId('training-roster-s-1')).toBeTruthy();
    expect(screen.getByTestId('training-course-new')).toBeTruthy();
    expect(screen.getByTestId('training-session-new-c-1')).toBeTruthy();
    expect(screen.queryByTestId('training-enrol-s-1')).toBeNull();
    expect(screen.queryByTestId('training-tab-mine')).toBeNull();
  });

  it('refuses the page to a town officer', async () => {
    serve('town');
    renderApp('/cultivation/training');
    expect(await screen.findByTestId('page-403')).toBeTruthy();
  });
});
