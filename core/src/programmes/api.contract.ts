/**
 * Contracts of programme calls and applications (项目申报): the kinds of programme, calls that freeze a workflow
 * definition version when they open, applications pre-filled from the registry and moved through the workflow
 * (core/src/workflow/engine.ts), the applicant's timeline and the formal-check clock. Dates are `YYYY-MM-DD`
 * (China time); amounts are whole 分 (fen).
 */
import { z } from 'zod';
import { attachmentInfo } from '../common/attachment.contract.ts';
import { bilingual } from '../common/validation-messages.ts';
import { formSchema } from './form-schema.ts';

export const programmeKinds = [
  'science_plan',
  'innovation_award',
  'patent_subsidy',
  'patent_industrialisation',
  'super_deduction',
  'talent_team',
  'contest',
] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

export const programmeKindLabels: Record<ProgrammeKind, { zh: string; en: string }> = {
  science_plan: { zh: '科技计划项目', en: 'Science-plan projects' },
  innovation_award: { zh: '科技创新奖励', en: 'Innovation awards' },
  patent_subsidy: { zh: '专利资助', en: 'Patent subsidies' },
  patent_industrialisation: { zh: '专利产业化项目', en: 'Patent industrialisation' },
  super_deduction: { zh: '研发费用加计扣除项目鉴定', en: 'R&D super-deduction appraisal' },
  talent_team: { zh: '人才与团队项目', en: 'Talent and team programmes' },
  contest: { zh: '创新创业大赛', en: 'Innovation contests' },
};

export const callStatuses = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof callStatuses)[number];

const text = z.object({ zh: z.string(), en: z.string() });
const day = z.iso.date(bilingual('应为日期（YYYY-MM-DD）', 'must be a date (YYYY-MM-DD)', 'date'));

export const idParams = z.object({
  id: z.uuid(bilingual('应为编号（UUID）', 'must be an id (a UUID)', 'uuid')),
});
export const attachmentParams = idParams.extend({
  attachmentId: z.uuid(bilingual('应为附件编号（UUID）', 'must be an attachment id (a UUID)', 'uuid')),
});

export const definitionItem = z.object({
  kind: z.enum(programmeKinds),
  version: z.number().int(),
  name: text,
  formSchema,
});
export const definitionsResponse = z.object({ items: z.array(definitionItem) });
export type DefinitionItem = z.output<typeof definitionItem>;

export const callRequest = z
  .object({
    kind: z.enum(programmeKinds, bilingual('应为项目类别', 'must be a programme kind', 'enum')),
    title: z
      .string()
      .trim()
      .min(2, bilingual('至少 2 个字', 'must have at least 2 characters', 'min'))
      .max(200),
    year: z.int().min(1980).max(2100),
    opensOn: day,
    closesOn: day,
    budgetFen: z.int().min(0).max(1e15),
    description: z.string().trim().max(2000).default(''),
  })
  .refine((c) => c.closesOn >= c.opensOn, {
    path: ['closesOn'],
    ...bilingual('不能早于开始日期', 'must not be before the opening day', 'order'),
  });
export type CallRequest = z.input<typeof callRequest>;

export const callsQuery = z.object({
  status: z.enum(callStatuses).optional(),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
});

export const callItem = z.object({
  id: z.string(),
  kind: z.enum(programmeKinds),
  kindName: text,
  title: z.string(),
  year: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  budgetFen: z.number().int(),
  description: z.string(),
  status: z.enum(callStatuses),
  /** The frozen definition version; null while the call is a draft. */
  definitionVersion: z.number().int().nullable(),
  openedAt: z.string().nullable(),
  /** Applications beyond the draft stage (staff) or the enterprise's own application, if any. */
  submittedCount: z.number().int(),
  myApplicationId: z.string().nullable(),
});
export type CallItem = z.output<typeof callItem>;
export const callsResponse = z.object({ items: z.array(callItem) });
export type CallsResponse = z.output<typeof callsResponse>;

export const callDetail = callItem.extend({ formSchema: formSchema.nullable() });
export type CallDetail = z.output<typeof callDetail>;

/* ---------- applications ---------- */

const formValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
export const formDataBody = z.object({ formData: z.record(z.string().max(40), formValue) });
export type FormDataBody = z.output<typeof formDataBody>;

export const transitionRequest = z.object({
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, bilingual('应为操作编号', 'must be an action id', 'pattern'))
    .max(40),
  reason: z.string().trim().max(1000).optional(),
});
export type TransitionRequest = z.output<typeof transitionRequest>;

export const applicationsQuery = z.object({
  callId: z.uuid().optional(),
  phase: z.string().max(40).optional(),
  /** Words of the enterprise's name, its credit code, or the project title. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ApplicationsQuery = z.output<typeof applicationsQuery>;

export const clockInfo = z.object({
  phase: z.string(),
  startedOn: z.string(),
  limit: z.number().int(),
  elapsed: z.number().int(),
  remaining: z.number().int(),
  dueOn: z.string().nullable(),
  suspended: z.boolean(),
  overdue: z.boolean(),
  suspensions: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
});
export type ClockInfo = z.output<typeof clockInfo>;

export const prefillInfo = z.object({
  enterpriseName: z.string(),
  uscc: z.string(),
  townName: z.string().nullable(),
  industryCode: z.string().nullable(),
  latestYear: z
    .object({
      year: z.number().int(),
      revenueFen: z.number().nullable(),
      rdFen: z.number().nullable(),
      staff: z.number().nullable(),
      techStaff: z.number().nullable(),
    })
    .nullable(),
  inventionPatents: z.number().int(),
  qualifications: z.array(z.object({ kind: z.string(), name: text, validTo: z.string().nullable() })),
});
export type PrefillInfo = z.output<typeof prefillInfo>;

export const applicationItem = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  phase: z.string(),
  /** The staff name for bureau users, the public name for the applicant. */
  phaseName: text,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  clock: clockInfo.nullable(),
});
export type ApplicationItem = z.output<typeof applicationItem>;
export const applicationsResponse = z.object({
  items: z.array(applicationItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ApplicationsResponse = z.output<typeof applicationsResponse>;

export const actionInfo = z.object({
  id: z.string(),
  label: text,
  enabled: z.boolean(),
  blockedBy: z.array(text),
  requiresReason: z.boolean(),
});

export const applicationDetail = applicationItem.extend({
  closesOn: z.string(),
  formSchema,
  formData: z.record(z.string(), formValue),
  prefill: prefillInfo,
  editable: z.boolean(),
  attachments: z.array(attachmentInfo),
  actions: z.array(actionInfo),
});
export type ApplicationDetail = z.output<typeof applicationDetail>;

export const timelineResponse = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actionName: text,
      fromName: text.nullable(),
      toName: text,
      reason: z.string().nullable(),
    }),
  ),
});
export type TimelineResponse = z.output<typeof timelineResponse>;
