/**
 * Registry prefill of the self-assessments, for the assessment pages and for the pipeline (which ranks every
 * enterprise): `prefillHnte(db, enterpriseId, assessmentDate)` and its batch form read the registry once and return
 * the draft input, the paths the registry does not hold and where each value came from. Read-only, no audit entry.
 */
import { dayOf, yearOfDay } from '@jinke/core/cultivation/calendar.ts';
import type { HnteAssessmentRawInput } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import type { TsmeRawInput } from '@jinke/core/cultivation/tsme.contract.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { buildHntePrefill, buildTsmePrefill, type Prefill } from './prefill.build.ts';
import { loadRegistryFacts } from './prefill.repo.ts';

export type { Prefill } from './prefill.build.ts';
export type HntePrefill = Prefill<HnteAssessmentRawInput>;
export type TsmePrefill = Prefill<TsmeRawInput>;

/** Years any assessment on `day` reads: the three before it (高企) and the previous one (科小). */
function yearsFor(day: string): [number, number] {
  const year = yearOfDay(dayOf(day));
  return [year - 3, year - 1];
}

const missingEnterprise = () =>
  new AppError('NOT_FOUND', { userMessage: { zh: '企业不存在', en: 'No such enterprise' } });

/** 高企 drafts of many enterprises on one day (enterprises that do not exist are absent from the map). */
export async function prefillHnteMany(
  db: Executor,
  enterpriseIds: readonly string[],
  assessmentDate: string,
): Promise<Map<string, HntePrefill>> {
  const [from, to] = yearsFor(assessmentDate);
  const facts = await loadRegistryFacts(db, enterpriseIds, assessmentDate, from, to);
  return new Map([...facts].map(([id, f]) => [id, buildHntePrefill(f, assessmentDate)]));
}

/** The 高企 draft of one enterprise; 404 when it does not exist. */
export async function prefillHnte(
  db: Executor,
  enterpriseId: string,
  assessmentDate: string,
): Promise<HntePrefill> {
  const found = (await prefillHnteMany(db, [enterpriseId], assessmentDate)).get(enterpriseId);
  if (!found) throw missingEnterprise();
  return found;
}

export async function prefillTsmeMany(
  db: Executor,
  enterpriseIds: readonly string[],
  assessmentDate: string,
): Promise<Map<string, TsmePrefill>> {
  const [from, to] = yearsFor(assessmentDate);
  const facts = await loadRegistryFacts(db, enterpriseIds, assessmentDate, from, to);
  return new Map([...facts].map(([id, f]) => [id, buildTsmePrefill(f, assessmentDate)]));
}

/** The 科小 draft of one enterprise, with the direct-confirmation facts from qualifications and honours. */
export async function prefillTsme(
  db: Executor,
  enterpriseId: string,
  assessmentDate: string,
): Promise<TsmePrefill> {
  const found = (await prefillTsmeMany(db, [enterpriseId], assessmentDate)).get(enterpriseId);
  if (!found) throw missingEnterprise();
  return found;
}
