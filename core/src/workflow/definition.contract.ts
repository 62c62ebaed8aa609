/**
 * A programme's workflow as versioned data: phases (a staff name and the name applicants see), who may view, edit
 * and act in each, the transitions with their guards, and statutory clocks. A running call keeps the definition
 * version it started with, so editing a definition never changes a call under way.
 */
import { z } from 'zod';
import { roles } from '../accounts/roles.ts';

const text = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, {
    message: '编号应为小写字母、数字、- 和 _ / lower-case letters, digits, - and _',
  })
  .max(40);
const role = z.enum(roles);
/** The applicant acting for its own application, beside the platform roles. */
export const APPLICANT = 'applicant';
const actor = z.union([role, z.literal(APPLICANT)]);
export type WorkflowActor = z.infer<typeof actor>;

export const phaseDefinition = z.object({
  id: slug,
  staffName: text,
  publicName: text,
  view: z.array(actor).default([]),
  edit: z.array(actor).default([]),
  /** A statutory clock, in working days from the day the phase opens. */
  clock: z.object({ workingDays: z.int().min(1).max(365) }).optional(),
  /** The clock stands still in this phase (an application returned for correction). */
  suspendsClock: z.boolean().default(false),
  terminal: z.boolean().default(false),
});
export type PhaseDefinition = z.output<typeof phaseDefinition>;

export const guardDefinition = z.discriminatedUnion('kind', [
  /** The call's deadline (e.g. for submission) has or has not passed. */
  z.object({ kind: z.literal('before-deadline'), deadline: slug }),
  z.object({ kind: z.literal('after-deadline'), deadline: slug }),
  /** Every assigned review is submitted. */
  z.object({ kind: z.literal('all-reviews-in') }),
  /** At least this many reviews are submitted. */
  z.object({ kind: z.literal('quorum'), min: z.int().min(1).max(50) }),
  /** The public-notice (公示) window of this many days has closed and no objection is open. */
  z.object({ kind: z.literal('notice-closed') }),
  /** The form passes its schema (checked by the caller). */
  z.object({ kind: z.literal('form-valid') }),
]);
export type GuardDefinition = z.output<typeof guardDefinition>;

export const transitionDefinition = z.object({
  id: slug,
  from: slug,
  to: slug,
  label: text,
  by: z.array(actor).min(1),
  guards: z.array(guardDefinition).default([]),
  /** The actor must give a reason (returning, rejecting, reopening); it is shown to the applicant. */
  requiresReason: z.boolean().default(false),
});
export type TransitionDefinition = z.output<typeof transitionDefinition>;

export const workflowDefinition = z.object({
  key: slug,
  version: z.int().min(1),
  name: text,
  initial: slug,
  phases: z.array(phaseDefinition).min(2).max(40),
  transitions: z.array(transitionDefinition).min(1).max(200),
});
export type WorkflowDefinition = z.output<typeof workflowDefinition>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinition>;
