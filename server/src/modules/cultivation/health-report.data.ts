/**
 * What a health-check report (体检报告) is built from: the saved assessment's input parsed again with the rule's
 * schema, the result recomputed with the current rules (the same as saved unless the rule version changed, which
 * the report then states) and the 12-month cultivation plan derived from both.
 */
import {
  ASSESSMENT_RULE_VERSIONS,
  type AssessmentDetail,
} from '@jinke/core/cultivation/assessments.contract.ts';
import {
  planHnteCultivation,
  planTsmeCultivation,
  type CultivationPlan,
} from '@jinke/core/cultivation/cultivation-plan.ts';
import {
  assessHnte,
  hnteAssessmentInput,
  type HnteAssessmentInput,
  type HnteAssessmentResult,
} from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { tsmeInput, type TsmeInput } from '@jinke/core/cultivation/tsme.contract.ts';
import { evaluateTsme, type TsmeResult } from '@jinke/core/cultivation/tsme.rules.ts';
import { AppError } from '../../platform/errors.ts';

export interface ReportMeta {
  id: string;
  enterpriseName: string;
  uscc: string;
  assessmentDate: string;
  /** The rules the report was computed with. */
  ruleVersion: string;
  /** The rules in force when the assessment was saved. */
  savedRuleVersion: string;
  createdAt: string;
  createdByName: string | null;
  generatedAt: Date;
}

export type ReportData =
  | {
      kind: 'hnte';
      meta: ReportMeta;
      raw: Record<string, unknown>;
      input: HnteAssessmentInput;
      result: HnteAssessmentResult;
      plan: CultivationPlan;
    }
  | {
      kind: 'tsme';
      meta: ReportMeta;
      raw: Record<string, unknown>;
      input: TsmeInput;
      result: TsmeResult;
      plan: CultivationPlan;
    };

const outdated = () => new AppError('ASSESSMENT_INPUT_OUTDATED');

export function reportDataOf(a: AssessmentDetail, now: Date): ReportData {
  const meta: ReportMeta = {
    id: a.id,
    enterpriseName: a.enterpriseName,
    uscc: a.uscc,
    assessmentDate: a.assessmentDate,
    ruleVersion: ASSESSMENT_RULE_VERSIONS[a.kind],
    savedRuleVersion: a.ruleVersion,
    createdAt: a.createdAt,
    createdByName: a.createdByName,
    generatedAt: now,
  };
  if (a.kind === 'hnte') {
    const parsed = hnteAssessmentInput.safeParse(a.input);
    if (!parsed.success) throw outdated();
    const result = assessHnte(parsed.data);
    return {
      kind: 'hnte',
      meta,
      raw: a.input,
      input: parsed.data,
      result,
      plan: planHnteCultivation(parsed.data, result),
    };
  }
  const parsed = tsmeInput.safeParse(a.input);
  if (!parsed.success) throw outdated();
  const result = evaluateTsme(parsed.data);
  return {
    kind: 'tsme',
    meta,
    raw: a.input,
    input: parsed.data,
    result,
    plan: planTsmeCultivation(parsed.data, result),
  };
}
