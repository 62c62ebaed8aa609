/**
 * Self-assessments: the registry prefill for the form, saving an assessment (the input validated with the rule's
 * own schema and the result recomputed here, never taken from the client), lists, one assessment and its
 * health-check report. Saving writes the audit entry in the same transaction.
 */
import { ZodError, type z } from 'zod';
import type { Actor } from '@jinke/core/accounts/roles.ts';
import {
  ASSESSMENT_RULE_IDS,
  ASSESSMENT_RULE_VERSIONS,
  verdictOf,
  type AssessmentDetail,
  type AssessmentKind,
  type AssessmentList,
  type AssessmentListQuery,
  type CreateAssessmentRequest,
  type PrefillQuery,
  type PrefillResponse,
} from '@jinke/core/cultivation/assessments.contract.ts';
import { assessHnte, hnteAssessmentInput } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { tsmeInput } from '@jinke/core/cultivation/tsme.contract.ts';
import { evaluateTsme } from '@jinke/core/cultivation/tsme.rules.ts';
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { enterpriseInScope, findAssessment, insertAssessment, listAssessments } from './assessments.repo.ts';
import { reportDataOf, type ReportData } from './health-report.data.ts';
import { prefillHnte, prefillTsme } from './prefill.service.ts';
import { enterpriseIdByUscc } from './prefill.repo.ts';

type Issue = z.core.$ZodIssue;

const enterpriseNotFound = () =>
  notFound({ zh: '企业不存在或您无权查看', en: 'No such enterprise, or not yours to see' });
const assessmentNotFound = () =>
  notFound({ zh: '评估记录不存在或您无权查看', en: 'No such assessment, or not yours to see' });

/** A 400 naming `path` (under `prefix`) in both languages, through the one validation envelope. */
function fieldError(prefix: string[], issues: readonly Issue[]): ZodError {
  return new ZodError(issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
}

function futureDate(path: string[]): ZodError {
  return new ZodError([
    {
      code: 'custom',
      path,
      message: 'must not be after today',
      input: undefined,
      params: { zh: '不能晚于今天', en: 'must not be after today', rule: 'future_date' },
    },
  ]);
}

export interface Computed {
  assessmentDate: string;
  result: ReturnType<typeof assessHnte> | ReturnType<typeof evaluateTsme>;
  verdict: ReturnType<typeof verdictOf>;
  failures: string[];
  undecided: string[];
  scoreTotal: number | null;
}

/** Validates the input with the kind's rule schema and computes the result with `core`. */
export function computeAssessment(kind: AssessmentKind, raw: unknown): Computed {
  if (kind === 'hnte') {
    const parsed = hnteAssessmentInput.safeParse(raw);
    if (!parsed.success) throw fieldError(['input'], parsed.error.issues);
    const result = assessHnte(parsed.data);
    return {
      assessmentDate: parsed.data.assessmentDate,
      result,
      verdict: verdictOf(result.eligible),
      failures: result.failures,
      undecided: result.undecided,
      scoreTotal: result.score.total,
    };
  }
  const parsed = tsmeInput.safeParse(raw);
  if (!parsed.success) throw fieldError(['input'], parsed.error.issues);
  const result = evaluateTsme(parsed.data);
  return {
    assessmentDate: parsed.data.assessmentDate,
    result,
    verdict: verdictOf(result.qualified),
    failures: result.failures,
    undecided: result.undecided,
    scoreTotal: result.score.total,
  };
}

export function assessmentsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  /** The enterprise the actor acts on: an enterprise user's own, otherwise the one named within the actor's scope. */
  async function resolveEnterprise(
    ex: Executor,
    actor: Actor,
    enterpriseId: string | undefined,
  ): Promise<string> {
    if (actor.role === 'enterprise') {
      const own = actor.scopeId ? await enterpriseIdByUscc(ex, actor.scopeId) : null;
      if (!own) throw new AppError('ASSESSMENT_ENTERPRISE_UNLINKED');
      if (enterpriseId !== undefined && enterpriseId !== own) throw enterpriseNotFound();
      return own;
    }
    if (enterpriseId === undefined) throw new AppError('ASSESSMENT_ENTERPRISE_REQUIRED');
    if (!(await enterpriseInScope(ex, actor, enterpriseId))) throw enterpriseNotFound();
    return enterpriseId;
  }

  return {
    async prefill(ctx: RequestContext & { actor: Actor }, query: PrefillQuery): Promise<PrefillResponse> {
      const enterpriseId = await resolveEnterprise(db, ctx.actor, query.enterpriseId);
      const date = query.assessmentDate ?? today();
      if (date > today()) throw futureDate(['assessmentDate']);
      const draft =
        query.kind === 'hnte'
          ? await prefillHnte(db, enterpriseId, date)
          : await prefillTsme(db, enterpriseId, date);
      return {
        kind: query.kind,
        ruleVersion: ASSESSMENT_RULE_VERSIONS[query.kind],
        assessmentDate: draft.assessmentDate,
        enterprise: draft.enterprise,
        input: draft.input,
        missing: draft.missing,
        notes: draft.notes,
        sources: draft.sources,
      };
    },

    async create(
      ctx: RequestContext & { actor: Actor },
      body: CreateAssessmentRequest,
    ): Promise<AssessmentDetail> {
      const enterpriseId = await resolveEnterprise(db, ctx.actor, body.enterpriseId);
      const computed = computeAssessment(body.kind, body.input);
      if (computed.assessmentDate > today()) throw futureDate(['input', 'assessmentDate']);
      const id = await db.transaction(async (tx) => {
        const saved = {
          enterpriseId,
          kind: body.kind,
          assessmentDate: computed.assessmentDate,
          ruleId: ASSESSMENT_RULE_IDS[body.kind],
          ruleVersion: ASSESSMENT_RULE_VERSIONS[body.kind],
          verdict: computed.verdict,
          failures: computed.failures,
          undecided: computed.undecided,
          scoreTotal: computed.scoreTotal,
        };
        const newId = await insertAssessment(tx, {
          ...saved,
          input: body.input,
          result: computed.result,
          createdBy: ctx.actor.userId,
          createdAt: clock(),
        });
        await writeAudit(
          tx,
          ctx,
          {
            action: 'cultivation.assessment_saved',
            entityType: 'cultivation_assessment',
            entityId: newId,
            changes: diff({}, saved),
          },
          clock(),
        );
        return newId;
      });
      const detail = await findAssessment(db, ctx.actor, id);
      if (!detail) throw assessmentNotFound();
      return detail;
    },

    async list(ctx: RequestContext & { actor: Actor }, query: AssessmentListQuery): Promise<AssessmentList> {
      let enterpriseId = query.enterpriseId;
      if (ctx.actor.role === 'enterprise')
        enterpriseId = await resolveEnterprise(db, ctx.actor, enterpriseId);
      else if (enterpriseId !== undefined && !(await enterpriseInScope(db, ctx.actor, enterpriseId)))
        throw enterpriseNotFound();
      const { rows, total } = await listAssessments(db, ctx.actor, {
        enterpriseId,
        kind: query.kind,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    },

    async get(ctx: RequestContext & { actor: Actor }, id: string): Promise<AssessmentDetail> {
      const found = await findAssessment(db, ctx.actor, id);
      if (!found) throw assessmentNotFound();
      return found;
    },

    /**
     * What the health-check report of a saved assessment is built from. Without a signed-in actor (the command
     * line) `reader` chooses what is seen.
     */
    async report(ctx: RequestContext, id: string, reader?: Actor): Promise<ReportData> {
      const actor = ctx.actor ?? reader;
      if (!actor) throw new AppError('UNAUTHENTICATED');
      const found = await findAssessment(db, actor, id);
      if (!found) throw assessmentNotFound();
      return reportDataOf(found, clock());
    },
  };
}
