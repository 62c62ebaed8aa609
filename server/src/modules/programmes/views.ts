/**
 * What programme readers see: rows mapped to the contracts, the one-field 400 the services answer bad input with,
 * and each phase's statutory clock (core/src/workflow/clock.ts over the shipped holiday calendars).
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import {
  programmeKindLabels,
  type CallDetail,
  type ClockInfo,
  type ProgrammeKind,
} from '@jinke/core/programmes/api.contract.ts';
import { formSchema, type FormProblem } from '@jinke/core/programmes/form-schema.ts';
import { readHolidayCalendar } from '@jinke/core/registry/reference-files.node.ts';
import type { HolidayCalendar } from '@jinke/core/registry/holidays.ts';
import { clockState, type Suspension } from '@jinke/core/workflow/clock.ts';
import type { WorkflowDefinition } from '@jinke/core/workflow/definition.contract.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { CallRow } from './calls.repo.ts';

export type Scoped = RequestContext & { actor: Actor };

/** A 400 naming one field, in the caller's language, like request validation's. */
export function fieldError(locale: Locale, field: string, rule: string, zh: string, en: string): AppError {
  return formError(locale, [{ field, rule, zh, en }]);
}

/** A 400 naming every field of the form that is wrong. */
export function formError(locale: Locale, problems: readonly FormProblem[]): AppError {
  const first = problems[0]!;
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${first.field} ${first.zh}`,
      en: `The submitted data is invalid: ${first.field} ${first.en}`,
    },
    details: {
      fields: problems.map((p) => ({
        field: p.field,
        message: locale === 'en-US' ? p.en : p.zh,
        rule: p.rule,
      })),
    },
  });
}

export function toCall(r: CallRow): CallDetail {
  const parsed = formSchema.safeParse(r.form_schema);
  return {
    id: r.id,
    kind: r.kind as ProgrammeKind,
    kindName: programmeKindLabels[r.kind as ProgrammeKind],
    title: r.title,
    year: Number(r.year),
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    budgetFen: Number(r.budget_fen),
    description: r.description,
    status: r.status,
    definitionVersion: r.definition_version === null ? null : Number(r.definition_version),
    openedAt: r.opened_at,
    submittedCount: r.my_application_id === null ? Number(r.submitted_count) : 0,
    myApplicationId: r.my_application_id,
    formSchema: parsed.success ? parsed.data : null,
  };
}

let calendar: HolidayCalendar | undefined;
/** The shipped holiday calendars, read once per process. */
export function holidayCalendar(): HolidayCalendar {
  calendar ??= readHolidayCalendar();
  return calendar;
}

/** The phase whose clock starts on the first submission and stands still while the applicant corrects (形式审查). */
export const CLOCKED_PHASE = 'formal_check';

/** What an application's clocks are computed from. */
export interface ClockFacts {
  phase: string;
  /** The formal-check clock's first day (the first submission) and its suspensions. */
  clock_started_on: string | null;
  clock_suspensions: Suspension[];
  /** The day the application entered its current phase. */
  phase_entered_on: string | null;
}

/**
 * The statutory clock of the application's current phase, in working days over the shipped calendars:
 * - the formal check (and 补正, which suspends it) counts from the first submission, less the suspensions;
 * - any other phase with a `clock` in the definition (专家评审, 验收) counts from the day the application entered it;
 * - null in a phase without a clock, or when a day falls outside the loaded calendars (never a guess).
 */
export function clockOf(def: WorkflowDefinition, a: ClockFacts, today: string): ClockInfo | null {
  const current = def.phases.find((p) => p.id === a.phase);
  if (!current) return null;
  const formal = def.phases.find((p) => p.id === CLOCKED_PHASE);
  let clock: { phase: string; start: string; limit: number; suspensions: Suspension[] } | null = null;
  if (a.phase === CLOCKED_PHASE || current.suspendsClock) {
    if (formal?.clock && a.clock_started_on !== null)
      clock = {
        phase: CLOCKED_PHASE,
        start: a.clock_started_on,
        limit: formal.clock.workingDays,
        suspensions: a.clock_suspensions,
      };
  } else if (current.clock && a.phase_entered_on !== null) {
    clock = { phase: a.phase, start: a.phase_entered_on, limit: current.clock.workingDays, suspensions: [] };
  }
  if (clock === null) return null;
  try {
    const state = clockState(holidayCalendar(), clock, today);
    return { phase: clock.phase, startedOn: clock.start, suspensions: clock.suspensions, ...state };
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
