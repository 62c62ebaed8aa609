/**
 * Policy training: the bureau keeps courses and sessions, enterprise users enrol within the capacity and cancel
 * before the start, officers mark attendance after it; every refusal is a 409 in both languages, bad input a 400
 * naming the field, every change audited. Test clock: 2026-11-26T02:00:00Z (10:00 in Jinjiang).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseItem, SessionItem } from '@jinke/core/cultivation/training.contract.ts';
import { createTestApp, userClient, type Client, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let officer: Client;
let leader: Client;
const firms: (Client & { userId: string })[] = [];

const at = (minutes: number) => new Date(Date.parse('2026-11-26T02:00:00Z') + minutes * 60_000).toISOString();

const course = {
  title: '高新技术企业认定政策解读',
  summary: '认定条件、申报材料与常见问题',
  topic: 'recognition',
  materialsUrl: 'http://www.innocom.gov.cn/',
};

function onsite(over: Record<string, unknown> = {}) {
  return {
    startsAt: at(20),
    endsAt: at(140),
    mode: 'onsite',
    place: '晋江市科技和知识产权局三楼培训室',
    capacity: 2,
    ...over,
  };
}

async function newCourse(): Promise<CourseItem> {
  const res = await officer.post('/api/cultivation/training/courses', course);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CourseItem>();
}

async function newSession(courseId: string, over: Record<string, unknown> = {}): Promise<SessionItem> {
  const res = await officer.post(`/api/cultivation/training/courses/${courseId}/sessions`, onsite(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SessionItem>();
}

const errorOf = (res: { json: <T>() => T }) => res.json<{ error: { code: string; message: string } }>().error;

async function auditCount(action: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
    [action],
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await userClient(t, { role: 'officer' });
  leader = await userClient(t, { role: 'leader' });
  for (const uscc of ['91350582MA0000001X', '91350582MA0000002X', '91350582MA0000003X'])
    firms.push(await userClient(t, { role: 'enterprise', scopeId: uscc }));
});
afterAll(() => t.close());

describe('training catalogue', () => {
  it('lets an officer create and change a course, audited, and everyone allowed read it', async () => {
    const created = await newCourse();
    expect(created).toMatchObject({ ...course, upcomingSessions: 0 });
    const changed = await officer.put(`/api/cultivation/training/courses/${created.id}`, {
      ...course,
      title: '高企认定政策解读（2026年版）',
    });
    expect(changed.json<CourseItem>().title).toBe('高企认定政策解读（2026年版）');
    expect(await auditCount('training.course_created')).toBe(1);
    expect(await auditCount('training.course_updated')).toBe(1);
    for (const c of [leader, firms[0]!]) {
      const list = await c.get('/api/cultivation/training/courses');
      expect(list.statusCode).toBe(200);
      expect(list.json<{ items: CourseItem[] }>().items.map((i) => i.id)).toContain(created.id);
    }
  });

  it('names the field of bad input with 400 and writes nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM training_courses')).rows;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...course, title: '' }, 'title'],
      [{ ...course, topic: 'astrology' }, 'topic'],
      [{ ...course, materialsUrl: 'ftp://example.org/a.pdf' }, 'materialsUrl'],
    ];
    for (const [body, field] of cases) {
      const res = await officer.post('/api/cultivation/training/courses', body);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).message).toContain(field);
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM training_courses')).rows).toEqual(before);

    const c = await newCourse();
    const sessionCases: [Record<string, unknown>, string][] = [
      [onsite({ place: null }), 'place'],
      [onsite({ endsAt: at(10) }), 'endsAt'],
      [onsite({ mode: 'online', place: null }), 'onlineUrl'],
      [onsite({ capacity: 0 }), 'capacity'],
      [onsite({ startsAt: '2026-12-03 09:30' }), 'startsAt'],
    ];
    for (const [body, field] of sessionCases) {
      const res = await officer.post(`/api/cultivation/training/courses/${c.id}/sessions`, body);
      expect(res.statusCode, field).toBe(400);
      expect(errorOf(res).message, field).toContain(field);
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM training_sessions')).rows[0]).toEqual({ n: 0 });
  });
});

describe('enrolment', () => {
  it('enforces the capacity and one enrolment per user, with zh and en messages', async () => {
    const c = await newCourse();
    const s = await newSession(c.id);
    const path = `/api/cultivation/training/sessions/${s.id}/enrolments`;
    const first = await firms[0]!.post(path);
    expect(first.statusCode).toBe(201);
    expect(first.json<SessionItem>()).toMatchObject({
      enrolled: 1,
      seatsLeft: 1,
      myEnrolment: { attended: null },
    });

    const again = await firms[0]!.post(path);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'TRAINING_ALREADY_ENROLLED', message: '您已报名该场次' });
    const againEn = await firms[0]!.post(path, {}, { 'accept-language': 'en-US' });
    expect(errorOf(againEn).message).toBe('You are already enrolled in this session');

    expect((await firms[1]!.post(path)).statusCode).toBe(201);
    const full = await firms[2]!.post(path);
    expect(full.statusCode).toBe(409);
    expect(errorOf(full)).toMatchObject({ code: 'TRAINING_SESSION_FULL', message: '该场次名额已满' });
    expect(errorOf(await firms[2]!.post(path, {}, { 'accept-language': 'en-US' })).message).toBe(
      'The session is full',
    );
    expect(await auditCount('training.enrolled')).toBe(2);

    // A seat freed by a cancellation can be taken.
    const mine = firms[0]!.get('/api/cultivation/training/my-enrolments');
    const enrolmentId = (await mine).json<{ items: { id: string }[] }>().items[0]!.id;
    expect((await firms[0]!.delete(`/api/cultivation/training/enrolments/${enrolmentId}`)).statusCode).toBe(
      200,
    );
    expect(await auditCount('training.enrolment_cancelled')).toBe(1);
    expect((await firms[2]!.post(path)).statusCode).toBe(201);
    const roster = await officer.get(path);
    expect(
      roster
        .json<{ items: { enterpriseUscc: string }[] }>()
        .items.map((e) => e.enterpriseUscc)
        .sort(),
    ).toEqual(['91350582MA0000002X', '91350582MA0000003X']);
    // Capacity cannot drop below who is enrolled.
    const shrink = await officer.put(`/api/cultivation/training/sessions/${s.id}`, onsite({ capacity: 1 }));
    expect(errorOf(shrink).code).toBe('TRAINING_CAPACITY_BELOW_ENROLLED');
  });

  it('never lets more users in than the capacity when they enrol at the same time', async () => {
    const c = await newCourse();
    const s = await newSession(c.id, { capacity: 1 });
    const results = await Promise.all(
      firms.map((f) => f.post(`/api/cultivation/training/sessions/${s.id}/enrolments`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM training_enrolments WHERE session_id = $1',
      [s.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("hides another user's enrolment (404) and refuses enrolment in a cancelled session", async () => {
    const c = await newCourse();
    const s = await newSession(c.id);
    await firms[0]!.post(`/api/cultivation/training/sessions/${s.id}/enrolments`);
    const theirs = (await firms[0]!.get('/api/cultivation/training/my-enrolments'))
      .json<{ items: { id: string; session: { id: string } }[] }>()
      .items.find((i) => i.session.id === s.id)!.id;
    expect((await firms[1]!.delete(`/api/cultivation/training/enrolments/${theirs}`)).statusCode).toBe(404);
    await officer.put(`/api/cultivation/training/sessions/${s.id}`, onsite({ status: 'cancelled' }));
    const res = await firms[1]!.post(`/api/cultivation/training/sessions/${s.id}/enrolments`);
    expect(errorOf(res)).toMatchObject({ code: 'TRAINING_SESSION_CANCELLED', message: '该场次已取消' });
  });

  it('marks attendance only once the session has started, after which enrolments are fixed', async () => {
    const c = await newCourse();
    const s = await newSession(c.id, { capacity: 5 });
    await firms[0]!.post(`/api/cultivation/training/sessions/${s.id}/enrolments`);
    await firms[1]!.post(`/api/cultivation/training/sessions/${s.id}/enrolments`);
    const roster = () =>
      officer
        .get(`/api/cultivation/training/sessions/${s.id}/enrolments`)
        .then((r) => r.json<{ items: { id: string; userId: string; attended: boolean | null }[] }>().items);
    const listed = await roster();
    const a = listed.find((e) => e.userId === firms[0]!.userId);
    const b = listed.find((e) => e.userId === firms[1]!.userId);
    const early = await officer.put(`/api/cultivation/training/enrolments/${a!.id}/attendance`, {
      attended: true,
    });
    expect(errorOf(early)).toMatchObject({ code: 'TRAINING_NOT_STARTED', message: '场次开始后才能登记出勤' });

    t.clock.advance(21 * 60_000);
    const marked = await officer.put(`/api/cultivation/training/enrolments/${a!.id}/attendance`, {
      attended: true,
    });
    expect(marked.statusCode).toBe(200);
    await officer.put(`/api/cultivation/training/enrolments/${b!.id}/attendance`, { attended: false });
    const after = await roster();
    expect(after.find((e) => e.id === a!.id)?.attended).toBe(true);
    expect(after.find((e) => e.id === b!.id)?.attended).toBe(false);
    expect(await auditCount('training.attendance_marked')).toBe(2);
    const mine = await firms[0]!.get('/api/cultivation/training/my-enrolments');
    expect(
      mine
        .json<{ items: { attended: boolean | null; session: { id: string } }[] }>()
        .items.find((i) => i.session.id === s.id)?.attended,
    ).toBe(true);

    const late = await firms[2]!.post(`/api/cultivation/training/sessions/${s.id}/enrolments`);
    expect(errorOf(late).code).toBe('TRAINING_SESSION_STARTED');
    const cancel = await firms[1]!.delete(`/api/cultivation/training/enrolments/${b!.id}`);
    expect(errorOf(cancel)).toMatchObject({
      code: 'TRAINING_SESSION_STARTED',
      message: '该场次已开始，不能再报名或取消报名',
    });
    const bad = await officer.put(`/api/cultivation/training/enrolments/${a!.id}/attendance`, {
      attended: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('attended');
  });
});

describe('training authorisation', () => {
  it('refuses town, expert, bank and provider users everywhere', async () => {
    for (const role of ['town', 'expert', 'bank', 'provider'] as const) {
      const c = await userClient(t, { role });
      expect((await c.get('/api/cultivation/training/courses')).statusCode).toBe(403);
      expect((await c.get('/api/cultivation/training/sessions')).statusCode).toBe(403);
      expect((await c.get('/api/cultivation/training/my-enrolments')).statusCode).toBe(403);
    }
  });

  it('keeps management with the bureau, enrolment with enterprises and the roster from enterprises', async () => {
    const c = await newCourse();
    const s = await newSession(c.id, { startsAt: at(600), endsAt: at(700) });
    const sessionPath = `/api/cultivation/training/sessions/${s.id}`;
    for (const who of [leader, firms[0]!]) {
      expect((await who.post('/api/cultivation/training/courses', course)).statusCode).toBe(403);
      expect((await who.put(`/api/cultivation/training/courses/${c.id}`, course)).statusCode).toBe(403);
      expect(
        (await who.post(`/api/cultivation/training/courses/${c.id}/sessions`, onsite())).statusCode,
      ).toBe(403);
      expect((await who.put(sessionPath, onsite())).statusCode).toBe(403);
    }
    expect((await officer.post(`${sessionPath}/enrolments`)).statusCode).toBe(403);
    expect((await leader.post(`${sessionPath}/enrolments`)).statusCode).toBe(403);
    expect((await officer.get('/api/cultivation/training/my-enrolments')).statusCode).toBe(403);
    expect((await firms[0]!.get(`${sessionPath}/enrolments`)).statusCode).toBe(403);
    expect((await leader.get(`${sessionPath}/enrolments`)).statusCode).toBe(200);
    const sessions = await leader.get('/api/cultivation/training/sessions');
    expect(sessions.json<{ items: SessionItem[] }>().items.map((i) => i.id)).toContain(s.id);
    const admin = await userClient(t, { role: 'admin' });
    expect(
      (await admin.put(sessionPath, onsite({ startsAt: at(600), endsAt: at(700), capacity: 30 }))).statusCode,
    ).toBe(200);
    expect(
      (
        await officer.get(
          '/api/cultivation/training/sessions/00000000-0000-4000-8000-000000000000/enrolments',
        )
      ).statusCode,
    ).toBe(404);
  });
});
