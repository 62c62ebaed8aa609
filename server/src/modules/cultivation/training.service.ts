/**
 * Policy training (高企政策培训). Courses and sessions are kept by the bureau; enterprise users enrol themselves
 * (one enrolment per user and session, within the capacity, before the session starts) and may cancel before it
 * starts; officers mark attendance once it has started. Capacity holds under concurrent enrolments because each
 * enrolment locks its session row first. Every change is audited in its own transaction.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type {
  CourseInput,
  CourseItem,
  EnrolmentItem,
  MyEnrolmentItem,
  SessionInput,
  SessionItem,
  SessionsQuery,
  TrainingTopic,
} from '@jinke/core/cultivation/training.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import {
  type CourseRow,
  type EnrolmentRow,
  type SessionRow,
  countEnrolments,
  deleteEnrolment,
  enrolmentsOf,
  enrolmentsOfUser,
  findCourse,
  findEnrolment,
  findSession,
  insertCourse,
  insertEnrolment,
  insertSession,
  listCourses,
  listSessions,
  lockSession,
  sessionExists,
  markAttendance,
  updateCourse,
  updateSession,
} from './training.repo.ts';
import { TRAINING_MANAGERS } from './training.policy.ts';

type Scoped = RequestContext & { actor: Actor };

const iso = (v: Date | string) => new Date(v).toISOString();
const courseNotFound = () => notFound({ zh: '课程不存在', en: 'No such course' });
const sessionNotFound = () => notFound({ zh: '培训场次不存在', en: 'No such session' });
const enrolmentNotFound = () => notFound({ zh: '报名记录不存在', en: 'No such enrolment' });

function toCourse(r: CourseRow): CourseItem {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    topic: r.topic as TrainingTopic,
    materialsUrl: r.materials_url,
    upcomingSessions: r.upcoming_sessions,
    createdAt: iso(r.created_at),
  };
}

function toSession(r: SessionRow): SessionItem {
  return {
    id: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    topic: r.topic as TrainingTopic,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    mode: r.mode,
    place: r.place,
    onlineUrl: r.online_url,
    capacity: r.capacity,
    enrolled: r.enrolled,
    seatsLeft: Math.max(0, r.capacity - r.enrolled),
    status: r.status,
    myEnrolment: r.my_enrolment_id ? { id: r.my_enrolment_id, attended: r.my_attended } : null,
  };
}

function toEnrolment(r: EnrolmentRow): EnrolmentItem {
  return {
    id: r.id,
    sessionId: r.session_id,
    userId: r.user_id,
    participant: r.participant,
    enterpriseUscc: r.enterprise_uscc,
    enterpriseName: r.enterprise_name,
    enrolledAt: iso(r.enrolled_at),
    attended: r.attended,
  };
}

const courseRowValues = (r: CourseRow) => ({
  title: r.title,
  summary: r.summary,
  topic: r.topic,
  materialsUrl: r.materials_url,
});
const courseInputValues = (c: CourseInput) => ({
  title: c.title,
  summary: c.summary,
  topic: c.topic,
  materialsUrl: c.materialsUrl ?? null,
});

const sessionRowValues = (r: SessionRow) => ({
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  mode: r.mode,
  place: r.place,
  onlineUrl: r.online_url,
  capacity: r.capacity,
  status: r.status,
});
const sessionInputValues = (s: SessionInput) => ({
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  mode: s.mode,
  place: s.place ?? null,
  onlineUrl: s.onlineUrl ?? null,
  capacity: s.capacity,
  status: s.status,
});

export function trainingService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function courses(): Promise<{ items: CourseItem[] }> {
    return { items: (await listCourses(db, clock())).map(toCourse) };
  }

  async function createCourse(ctx: Scoped, input: CourseInput): Promise<CourseItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const id = await insertCourse(tx, input, ctx.actor.userId, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'training.course_created',
          entityType: 'training_course',
          entityId: id,
          changes: diff({}, courseInputValues(input)),
        },
        now,
      );
      return toCourse((await findCourse(tx, id, now))!);
    });
  }

  async function changeCourse(ctx: Scoped, id: string, input: CourseInput): Promise<CourseItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await findCourse(tx, id, now, true);
      if (!before) throw courseNotFound();
      const changes = diff(courseRowValues(before), courseInputValues(input));
      if (Object.keys(changes).length > 0) {
        await updateCourse(tx, id, input, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'training.course_updated', entityType: 'training_course', entityId: id, changes },
          now,
        );
      }
      return toCourse((await findCourse(tx, id, now))!);
    });
  }

  async function sessions(ctx: Scoped, q: SessionsQuery): Promise<{ items: SessionItem[] }> {
    const rows = await listSessions(db, ctx.actor.userId, {
      courseId: q.courseId,
      endedAfter: q.when === 'upcoming' ? clock() : undefined,
    });
    return { items: rows.map(toSession) };
  }

  async function createSession(ctx: Scoped, courseId: string, input: SessionInput): Promise<SessionItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      if (!(await findCourse(tx, courseId, now, true))) throw courseNotFound();
      const id = await insertSession(tx, courseId, input, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'training.session_created',
          entityType: 'training_session',
          entityId: id,
          changes: { courseId, ...diff({}, sessionInputValues(input)) },
        },
        now,
      );
      return toSession((await findSession(tx, ctx.actor.userId, id))!);
    });
  }

  async function changeSession(ctx: Scoped, id: string, input: SessionInput): Promise<SessionItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      await lockSession(tx, id);
      const before = await findSession(tx, ctx.actor.userId, id);
      if (!before) throw sessionNotFound();
      if (input.capacity < before.enrolled)
        throw new AppError('TRAINING_CAPACITY_BELOW_ENROLLED', {
          details: { capacity: input.capacity, enrolled: before.enrolled },
        });
      const changes = diff(sessionRowValues(before), sessionInputValues(input));
      if (Object.keys(changes).length > 0) {
        await updateSession(tx, id, input, now);
        await writeAudit(
          tx,
          ctx,
          { action: 'training.session_updated', entityType: 'training_session', entityId: id, changes },
          now,
        );
      }
      return toSession((await findSession(tx, ctx.actor.userId, id))!);
    });
  }

  /** Enrols the calling enterprise user; 409 when full, already enrolled, started or cancelled. */
  async function enrol(ctx: Scoped, sessionId: string): Promise<SessionItem> {
    const { actor } = ctx;
    if (actor.role !== 'enterprise' || !actor.scopeId) throw forbidden();
    const uscc = actor.scopeId;
    const now = clock();
    return db.transaction(async (tx) => {
      await lockSession(tx, sessionId);
      const session = await findSession(tx, actor.userId, sessionId);
      if (!session) throw sessionNotFound();
      if (session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
      if (new Date(session.starts_at) <= now) throw new AppError('TRAINING_SESSION_STARTED');
      if (session.my_enrolment_id) throw new AppError('TRAINING_ALREADY_ENROLLED');
      if ((await countEnrolments(tx, sessionId)) >= session.capacity)
        throw new AppError('TRAINING_SESSION_FULL', { details: { capacity: session.capacity } });
      const id = await insertEnrolment(tx, { sessionId, userId: actor.userId, uscc }, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'training.enrolled',
          entityType: 'training_session',
          entityId: sessionId,
          changes: { enrolmentId: id, userId: actor.userId, enterpriseUscc: uscc },
        },
        now,
      );
      return toSession((await findSession(tx, actor.userId, sessionId))!);
    });
  }

  /** Cancels an enrolment: the enrolled user before the session starts, or the bureau at any time. */
  async function cancel(ctx: Scoped, enrolmentId: string): Promise<void> {
    const { actor } = ctx;
    const manager = TRAINING_MANAGERS.includes(actor.role);
    const now = clock();
    await db.transaction(async (tx) => {
      const enrolment = await findEnrolment(tx, enrolmentId);
      // Someone else's enrolment does not exist for an enterprise user.
      if (!enrolment || (!manager && enrolment.user_id !== actor.userId)) throw enrolmentNotFound();
      await lockSession(tx, enrolment.session_id);
      const session = await findSession(tx, actor.userId, enrolment.session_id);
      if (!manager && session && new Date(session.starts_at) <= now)
        throw new AppError('TRAINING_SESSION_STARTED');
      await deleteEnrolment(tx, enrolmentId);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'training.enrolment_cancelled',
          entityType: 'training_session',
          entityId: enrolment.session_id,
          changes: { enrolmentId, userId: enrolment.user_id, enterpriseUscc: enrolment.enterprise_uscc },
        },
        now,
      );
    });
  }

  async function roster(sessionId: string): Promise<{ items: EnrolmentItem[] }> {
    if (!(await sessionExists(db, sessionId))) throw sessionNotFound();
    return { items: (await enrolmentsOf(db, sessionId)).map(toEnrolment) };
  }

  async function attendance(ctx: Scoped, enrolmentId: string, attended: boolean): Promise<EnrolmentItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      const before = await findEnrolment(tx, enrolmentId);
      if (!before) throw enrolmentNotFound();
      await lockSession(tx, before.session_id);
      const session = await findSession(tx, ctx.actor.userId, before.session_id);
      if (session && session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
      if (session && new Date(session.starts_at) > now) throw new AppError('TRAINING_NOT_STARTED');
      if (before.attended !== attended) {
        await markAttendance(tx, enrolmentId, attended, ctx.actor.userId, now);
        await writeAudit(
          tx,
          ctx,
          {
            action: 'training.attendance_marked',
            entityType: 'training_session',
            entityId: before.session_id,
            changes: { enrolmentId, userId: before.user_id, attended: [before.attended, attended] },
          },
          now,
        );
      }
      return toEnrolment((await findEnrolment(tx, enrolmentId))!);
    });
  }

  async function mine(ctx: Scoped): Promise<{ items: MyEnrolmentItem[] }> {
    const rows = await enrolmentsOfUser(db, ctx.actor.userId);
    return {
      items: rows.map((r) => ({
        id: r.enrolment_id,
        enrolledAt: iso(r.enrolled_at),
        attended: r.attended,
        session: toSession(r),
      })),
    };
  }

  return {
    courses,
    createCourse,
    changeCourse,
    sessions,
    createSession,
    changeSession,
    enrol,
    cancel,
    roster,
    attendance,
    mine,
  };
}
