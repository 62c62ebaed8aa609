/** Calls of policy training (高企政策培训), typed from core's contract. */
import type {
  CourseItem,
  EnrolmentItem,
  MyEnrolmentItem,
  SessionItem,
  courseRequest,
  sessionRequest,
} from '@jinke/core/cultivation/training.contract.ts';
import type { z } from 'zod';
import { http, request } from '../../lib/http.ts';

export type { CourseItem, EnrolmentItem, MyEnrolmentItem, SessionItem };
export type CourseBody = z.input<typeof courseRequest>;
export type SessionBody = z.input<typeof sessionRequest>;

export const trainingKeys = {
  all: ['cultivation', 'training'] as const,
  courses: ['cultivation', 'training', 'courses'] as const,
  sessions: (when: 'upcoming' | 'all') => ['cultivation', 'training', 'sessions', when] as const,
  roster: (sessionId: string) => ['cultivation', 'training', 'roster', sessionId] as const,
  mine: ['cultivation', 'training', 'mine'] as const,
};

const enc = encodeURIComponent;

export function listCourses(): Promise<{ items: CourseItem[] }> {
  return http.get('/api/cultivation/training/courses');
}

export function createCourse(body: CourseBody): Promise<CourseItem> {
  return http.post('/api/cultivation/training/courses', body);
}

export function updateCourse(id: string, body: CourseBody): Promise<CourseItem> {
  return request<CourseItem>('PUT', `/api/cultivation/training/courses/${enc(id)}`, { body });
}

export function listSessions(when: 'upcoming' | 'all'): Promise<{ items: SessionItem[] }> {
  return http.get('/api/cultivation/training/sessions', { query: { when } });
}

export function createSession(courseId: string, body: SessionBody): Promise<SessionItem> {
  return http.post(`/api/cultivation/training/courses/${enc(courseId)}/sessions`, body);
}

export function updateSession(id: string, body: SessionBody): Promise<SessionItem> {
  return request<SessionItem>('PUT', `/api/cultivation/training/sessions/${enc(id)}`, { body });
}

export function enrol(sessionId: string): Promise<SessionItem> {
  return http.post(`/api/cultivation/training/sessions/${enc(sessionId)}/enrolments`);
}

export function cancelEnrolment(enrolmentId: string): Promise<{ ok: true }> {
  return http.delete(`/api/cultivation/training/enrolments/${enc(enrolmentId)}`);
}

export function listRoster(sessionId: string): Promise<{ items: EnrolmentItem[] }> {
  return http.get(`/api/cultivation/training/sessions/${enc(sessionId)}/enrolments`);
}

export function markAttendance(enrolmentId: string, attended: boolean): Promise<EnrolmentItem> {
  return request<EnrolmentItem>(
    'PUT',
    `/api/cultivation/training/enrolments/${enc(enrolmentId)}/attendance`,
    {
      body: { attended },
    },
  );
}

export function listMine(): Promise<{ items: MyEnrolmentItem[] }> {
  return http.get('/api/cultivation/training/my-enrolments');
}
