/**
 * Who may use expert reviews (专家评审):
 *
 * | action                                                        | roles                   |
 * |---------------------------------------------------------------|-------------------------|
 * | set up or change a call's review round                        | admin, officer          |
 * | read the round, progress, results and calibration (with names)| admin, officer, leader  |
 * | list own assignments, declare, read, save and submit a review | expert (own code only)  |
 *
 * Enterprises, towns, banks and providers are refused (403), anonymous callers 401: an applicant never learns who
 * reviews it, and an expert sees no other expert's name — the others' scores only as 专家A, 专家B, … An expert
 * asking for an application they are not assigned to gets 404.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { requireRole } from '../../platform/http.ts';

export const ROUND_MANAGERS: readonly Role[] = ['admin', 'officer'];
export const ROUND_READERS: readonly Role[] = ['admin', 'officer', 'leader'];
export const REVIEWERS: readonly Role[] = ['expert'];

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
