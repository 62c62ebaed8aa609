/**
 * Who may use programme funds (资金):
 *
 * | action                                                             | roles                                   |
 * |--------------------------------------------------------------------|-----------------------------------------|
 * | list and read policy standards                                     | admin, officer, leader                  |
 * | add a standard version                                             | admin, officer                          |
 * | read an application's funds (award, instalments, clawbacks, 验收)   | admin, officer, leader; enterprise (own)|
 * | make or adjust the award, disburse, claw back, record acceptance   | admin, officer                          |
 * | supervision flags and budget use                                   | admin, officer, leader                  |
 *
 * Town officers, experts, banks and providers are refused (403); anonymous callers 401. An enterprise asking for
 * another enterprise's application gets 404, and sees neither the adjustment reason nor the call's budget.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';

export const STANDARD_READERS: readonly Role[] = ['admin', 'officer', 'leader'];
export const FUNDS_WRITERS: readonly Role[] = ['admin', 'officer'];
export const FUNDS_READERS: readonly Role[] = ['admin', 'officer', 'leader', 'enterprise'];
export const SUPERVISORS: readonly Role[] = ['admin', 'officer', 'leader'];

/** Phases in which the application has been approved (立项) and may carry an award. */
export const AWARDABLE_PHASES: readonly string[] = [
  'approved',
  'agreement',
  'funded',
  'midterm',
  'acceptance',
  'closed',
];
/** Phases in which instalments are paid: after the agreement is signed, until the project closes. */
export const DISBURSABLE_PHASES: readonly string[] = ['agreement', 'funded', 'midterm', 'acceptance'];
