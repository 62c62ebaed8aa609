/**
 * Who may use policy training (高企政策培训):
 *
 * | action                                               | roles                               |
 * |------------------------------------------------------|-------------------------------------|
 * | read the catalogue and the sessions                  | admin, officer, leader, enterprise  |
 * | create and change courses and sessions               | admin, officer                      |
 * | enrol, see own enrolments                            | enterprise (for itself)             |
 * | cancel an enrolment before the session starts        | the enrolled user; admin, officer   |
 * | read a session's roster                              | admin, officer, leader              |
 * | mark attendance                                      | admin, officer                      |
 *
 * Town officers, experts, banks and providers are refused (403): the courses are for enterprises and the bureau
 * runs them. The leader reads everything and changes nothing.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';

export const TRAINING_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'enterprise'];
export const TRAINING_MANAGERS: readonly Role[] = ['admin', 'officer'];
export const TRAINING_ENROLLERS: readonly Role[] = ['enterprise'];
export const ROSTER_READERS: readonly Role[] = ['admin', 'officer', 'leader'];
/** Roles that may cancel anybody's enrolment (the enrolled user may cancel their own). */
export const ENROLMENT_CANCELLERS: readonly Role[] = ['admin', 'officer', 'enterprise'];
