/** Policy training courses (高企政策培训). Policy in training.policy.ts; behaviour in training.service.ts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attendanceRequest,
  courseItem,
  courseList,
  courseParams,
  courseRequest,
  enrolmentItem,
  enrolmentList,
  enrolmentParams,
  myEnrolmentList,
  okResponse,
  sessionItem,
  sessionList,
  sessionParams,
  sessionRequest,
  sessionsQuery,
} from '@jinke/core/cultivation/training.contract.ts';
import { contextOf, requireActor } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { allowRoles } from './pipeline.policy.ts';
import {
  ENROLMENT_CANCELLERS,
  ROSTER_READERS,
  TRAINING_ENROLLERS,
  TRAINING_MANAGERS,
  TRAINING_READERS,
} from './training.policy.ts';
import { trainingService } from './training.service.ts';

const tags = ['cultivation'];

const scoped = (request: FastifyRequest) => ({ ...contextOf(request), actor: requireActor(request) });

export function trainingRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const service = trainingService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cultivation/training/courses',
    {
      onRequest: allowRoles(TRAINING_READERS),
      schema: { tags, summary: '培训课程目录 Course catalogue', response: { 200: courseList } },
    },
    async () => service.courses(),
  );

  r.post(
    '/api/cultivation/training/courses',
    {
      onRequest: allowRoles(TRAINING_MANAGERS),
      schema: {
        tags,
        summary: '新建课程 Create a course',
        body: courseRequest,
        response: { 201: courseItem },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCourse(scoped(request), request.body)),
  );

  r.put(
    '/api/cultivation/training/courses/:courseId',
    {
      onRequest: allowRoles(TRAINING_MANAGERS),
      schema: {
        tags,
        summary: '修改课程 Change a course',
        params: courseParams,
        body: courseRequest,
        response: { 200: courseItem },
      },
    },
    async (request) => service.changeCourse(scoped(request), request.params.courseId, request.body),
  );

  r.get(
    '/api/cultivation/training/sessions',
    {
      onRequest: allowRoles(TRAINING_READERS),
      schema: {
        tags,
        summary: '培训场次（含本人报名状态） Sessions, with the caller’s own enrolment',
        querystring: sessionsQuery,
        response: { 200: sessionList },
      },
    },
    async (request) => service.sessions(scoped(request), request.query),
  );

  r.post(
    '/api/cultivation/training/courses/:courseId/sessions',
    {
      onRequest: allowRoles(TRAINING_MANAGERS),
      schema: {
        tags,
        summary: '新建培训场次 Schedule a session',
        params: courseParams,
        body: sessionRequest,
        response: { 201: sessionItem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createSession(scoped(request), request.params.courseId, request.body)),
  );

  r.put(
    '/api/cultivation/training/sessions/:sessionId',
    {
      onRequest: allowRoles(TRAINING_MANAGERS),
      schema: {
        tags,
        summary: '修改或取消培训场次 Change or cancel a session',
        description: 'The capacity may not fall below the number enrolled (409).',
        params: sessionParams,
        body: sessionRequest,
        response: { 200: sessionItem },
      },
    },
    async (request) => service.changeSession(scoped(request), request.params.sessionId, request.body),
  );

  r.post(
    '/api/cultivation/training/sessions/:sessionId/enrolments',
    {
      onRequest: allowRoles(TRAINING_ENROLLERS),
      schema: {
        tags,
        summary: '报名培训场次 Enrol in a session',
        description:
          'For enterprise users, for themselves. 409 when the session is full, already enrolled, started or cancelled.',
        params: sessionParams,
        response: { 201: sessionItem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.enrol(scoped(request), request.params.sessionId)),
  );

  r.get(
    '/api/cultivation/training/sessions/:sessionId/enrolments',
    {
      onRequest: allowRoles(ROSTER_READERS),
      schema: {
        tags,
        summary: '场次报名名单与出勤 Roster of a session with attendance',
        params: sessionParams,
        response: { 200: enrolmentList },
      },
    },
    async (request) => service.roster(request.params.sessionId),
  );

  r.delete(
    '/api/cultivation/training/enrolments/:enrolmentId',
    {
      onRequest: allowRoles(ENROLMENT_CANCELLERS),
      schema: {
        tags,
        summary: '取消报名 Cancel an enrolment',
        description:
          'The enrolled user before the session starts (409 after); officers and administrators any time.',
        params: enrolmentParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.cancel(scoped(request), request.params.enrolmentId);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/cultivation/training/enrolments/:enrolmentId/attendance',
    {
      onRequest: allowRoles(TRAINING_MANAGERS),
      schema: {
        tags,
        summary: '登记出勤 Mark attendance',
        description: 'Once the session has started (409 before).',
        params: enrolmentParams,
        body: attendanceRequest,
        response: { 200: enrolmentItem },
      },
    },
    async (request) => service.attendance(scoped(request), request.params.enrolmentId, request.body.attended),
  );

  r.get(
    '/api/cultivation/training/my-enrolments',
    {
      onRequest: allowRoles(TRAINING_ENROLLERS),
      schema: { tags, summary: '我的报名 My enrolments', response: { 200: myEnrolmentList } },
    },
    async (request) => service.mine(scoped(request)),
  );
}
