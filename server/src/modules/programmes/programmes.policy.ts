/**
 * Who may use programme calls and applications (项目申报):
 *
 * | action                                                  | roles                                              |
 * |---------------------------------------------------------|----------------------------------------------------|
 * | list the programme definitions                          | admin, officer                                     |
 * | list and read calls                                     | admin, officer, leader; enterprise (open calls)    |
 * | create, change, delete (drafts), open and close calls   | admin, officer                                     |
 * | start an application (pre-filled from the registry)     | enterprise (for its own enterprise)                |
 * | list and read applications, timeline, attachments       | admin, officer, leader; enterprise (its own)       |
 * | autosave the form, upload attachments                   | enterprise (its own, in a phase the applicant edits)|
 * | take a workflow action                                  | admin, officer, enterprise — as the definition says |
 *
 * Town officers, experts, banks and providers are refused (403); anonymous callers 401. An enterprise asking for
 * another enterprise's application gets 404. Within a phase the workflow definition decides: the phase's `view`
 * list for reading, its `edit` list for the form, each transition's `by` list for acting (the engine refuses with
 * 403 otherwise). A leader reads only.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import { APPLICANT, type WorkflowActor } from '@jinke/core/workflow/definition.contract.ts';
import { requireRole } from '../../platform/http.ts';

export const DEFINITION_READERS: readonly Role[] = ['admin', 'officer'];
export const CALL_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'enterprise'];
export const CALL_MANAGERS: readonly Role[] = ['admin', 'officer'];
export const APPLICANTS: readonly Role[] = ['enterprise'];
export const APPLICATION_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'enterprise'];
export const ACTORS: readonly Role[] = ['admin', 'officer', 'enterprise'];

/** Calls and applications the actor sees are limited to its own enterprise. */
export const ownOnly = (actor: Actor): boolean => actor.role === 'enterprise';

/** Who the actor is to the workflow engine: the applicant for its own application, else its role. */
export function workflowActors(actor: Actor): WorkflowActor[] {
  return actor.role === 'enterprise' ? [APPLICANT] : [actor.role];
}

/** An `onRequest` hook: 401 when anonymous, 403 unless the role is one of `roles`, before the input is read. */
export function allowRoles(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, ...roles);
  };
}
