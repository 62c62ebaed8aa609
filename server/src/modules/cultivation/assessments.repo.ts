/** SQL of saved self-assessments (cultivation_assessments), scoped through the assessed enterprise. */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type {
  AssessmentDetail,
  AssessmentKind,
  AssessmentSummary,
  Verdict,
} from '@jinke/core/cultivation/assessments.contract.ts';
import type { Executor, SqlValue } from '../../platform/db/index.ts';
import { scopeFilter } from '../../platform/scope.ts';

interface Row {
  id: string;
  kind: AssessmentKind;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  assessment_date: string;
  rule_id: string;
  rule_version: string;
  verdict: Verdict;
  failures: string[];
  undecided: string[];
  score_total: number | null;
  created_at: Date | string;
  created_by_name: string | null;
}

const SUMMARY = `SELECT a.id, a.kind, a.enterprise_id, e.name AS enterprise_name, e.uscc,
    to_char(a.assessment_date, 'YYYY-MM-DD') AS assessment_date, a.rule_id, a.rule_version, a.verdict, a.failures,
    a.undecided, a.score_total, a.created_at, u.display_name AS created_by_name`;
const FROM = `FROM cultivation_assessments a JOIN enterprises e ON e.id = a.enterprise_id
  LEFT JOIN users u ON u.id = a.created_by`;

function toSummary(r: Row): AssessmentSummary {
  return {
    id: r.id,
    kind: r.kind,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    uscc: r.uscc,
    assessmentDate: r.assessment_date,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    verdict: r.verdict,
    failures: r.failures ?? [],
    undecided: r.undecided ?? [],
    scoreTotal: r.score_total,
    createdAt: new Date(r.created_at).toISOString(),
    createdByName: r.created_by_name,
  };
}

export interface NewAssessment {
  enterpriseId: string;
  kind: AssessmentKind;
  assessmentDate: string;
  ruleId: string;
  ruleVersion: string;
  input: Record<string, unknown>;
  result: unknown;
  verdict: Verdict;
  failures: string[];
  undecided: string[];
  scoreTotal: number | null;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertAssessment(tx: Executor, a: NewAssessment): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO cultivation_assessments (enterprise_id, kind, assessment_date, rule_id, rule_version, input, result,
       verdict, failures, undecided, score_total, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      a.enterpriseId,
      a.kind,
      a.assessmentDate,
      a.ruleId,
      a.ruleVersion,
      JSON.stringify(a.input),
      JSON.stringify(a.result),
      a.verdict,
      a.failures,
      a.undecided,
      a.scoreTotal,
      a.createdBy,
      a.createdAt,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('insert of an assessment returned no id');
  return id;
}

export interface AssessmentFilter {
  enterpriseId?: string | undefined;
  kind?: AssessmentKind | undefined;
  limit: number;
  offset: number;
}

/** Assessments the actor may see (an enterprise its own, a town its town's), newest first. */
export async function listAssessments(
  ex: Executor,
  actor: Actor,
  f: AssessmentFilter,
): Promise<{ rows: AssessmentSummary[]; total: number }> {
  const scope = scopeFilter(actor, { enterprise: 'e.uscc', town: 'e.town_code' });
  const params: SqlValue[] = [...scope.params];
  const where = [scope.sql];
  if (f.enterpriseId) {
    params.push(f.enterpriseId);
    where.push(`a.enterprise_id = $${params.length}`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`a.kind = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const count = await ex.query<{ total: string }>(
    `SELECT count(*) AS total ${FROM} WHERE ${condition}`,
    params,
  );
  const { rows } = await ex.query<Row>(
    `${SUMMARY} ${FROM} WHERE ${condition} ORDER BY a.created_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows: rows.map(toSummary), total: Number(count.rows[0]?.total ?? 0) };
}

/** One assessment with its input and result, or null when it does not exist or lies outside the actor's scope. */
export async function findAssessment(
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<AssessmentDetail | null> {
  const scope = scopeFilter(actor, { enterprise: 'e.uscc', town: 'e.town_code' }, 1);
  const { rows } = await ex.query<Row & { input: Record<string, unknown>; result: Record<string, unknown> }>(
    `${SUMMARY}, a.input, a.result ${FROM} WHERE a.id = $1 AND ${scope.sql}`,
    [id, ...scope.params],
  );
  const row = rows[0];
  return row ? { ...toSummary(row), input: row.input, result: row.result } : null;
}

/** Whether the enterprise exists within the actor's scope. */
export async function enterpriseInScope(ex: Executor, actor: Actor, enterpriseId: string): Promise<boolean> {
  const scope = scopeFilter(actor, { enterprise: 'e.uscc', town: 'e.town_code' }, 1);
  const { rows } = await ex.query(`SELECT 1 FROM enterprises e WHERE e.id = $1 AND ${scope.sql}`, [
    enterpriseId,
    ...scope.params,
  ]);
  return rows.length > 0;
}
