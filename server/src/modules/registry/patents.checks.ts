/**
 * Checks of a patent record that need stored or shipped data: IPC symbols against the shipped scheme (IPC 2026.01),
 * applicants against the registry, and the answer when the application number is registered already.
 */
import { validateUscc } from '@jinke/core/common/ids/uscc.ts';
import { validateIpcCode } from '@jinke/core/registry/ipc.ts';
import type { RegistryIssue } from '@jinke/core/registry/parties.contract.ts';
import type { CreatePatentInput } from '@jinke/core/registry/patents.contract.ts';
import { loadIpcCatalogue } from '@jinke/core/registry/reference-files.node.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { type ApplicantValues, findEnterpriseHolder, findInstituteHolder } from './patents.repo.ts';

type ApplicantInput = CreatePatentInput['applicants'][number];

/** Checks the IPC symbols against the shipped scheme; returns the normalised, de-duplicated symbols. */
export function checkIpc(codes: string[], issues: RegistryIssue[]): string[] {
  const catalogue = loadIpcCatalogue();
  const out: string[] = [];
  codes.forEach((code, index) => {
    const result = validateIpcCode(code, catalogue);
    if (!result.ok) {
      const near = result.nearest
        ? {
            zh: `（最接近的已知上级：${result.nearest.code}）`,
            en: ` (nearest known: ${result.nearest.code})`,
          }
        : { zh: '', en: '' };
      issues.push({
        field: `ipcCodes.${index}`,
        rule: result.rule,
        zh: result.message.zh + near.zh,
        en: result.message.en + near.en,
      });
    } else if (!out.includes(result.normalized)) {
      out.push(result.normalized);
    }
  });
  return out;
}

/** Links each applicant to its registry record where one is named or found; returns the first one's town. */
export async function resolveApplicants(
  tx: Executor,
  input: ApplicantInput[],
  issues: RegistryIssue[],
): Promise<{ applicants: ApplicantValues[]; town: string | null }> {
  const applicants: ApplicantValues[] = [];
  let town: string | null = null;
  for (const [index, a] of input.entries()) {
    const field = `applicants.${index}`;
    if (a.holderType === 'person') {
      if (a.holderId || !a.name) {
        issues.push({
          field,
          rule: 'person_by_name',
          zh: '个人申请人只填写姓名',
          en: 'a person applicant is given by name only',
        });
        continue;
      }
      applicants.push({ holderType: 'person', holderId: null, name: a.name });
      continue;
    }
    let uscc: string | undefined;
    if (a.uscc) {
      const checked = validateUscc(a.uscc);
      if (!checked.ok) {
        issues.push({ field: `${field}.uscc`, rule: checked.rule, ...checked.message });
        continue;
      }
      uscc = checked.normalized;
    }
    const holder =
      a.holderType === 'enterprise'
        ? await findEnterpriseHolder(tx, {
            ...(a.holderId ? { id: a.holderId } : uscc ? { uscc } : a.name ? { name: a.name } : {}),
          })
        : await findInstituteHolder(tx, {
            ...(a.holderId ? { id: a.holderId } : a.name ? { name: a.name } : {}),
          });
    if (!holder && (a.holderId || !a.name)) {
      const what =
        a.holderType === 'enterprise' ? { zh: '企业', en: 'enterprise' } : { zh: '机构', en: 'institute' };
      issues.push({
        field: a.holderId ? `${field}.holderId` : `${field}.uscc`,
        rule: 'holder_unknown',
        zh: `主体库中没有该${what.zh}`,
        en: `names no ${what.en} of the registry`,
      });
      continue;
    }
    town ??= holder?.town_code ?? null;
    applicants.push({
      holderType: a.holderType,
      holderId: holder?.id ?? null,
      name: a.name ?? holder?.name ?? '',
    });
  }
  return { applicants, town };
}

export function patentDuplicate(existing: { id: string; title: string }, applicationNo: string): AppError {
  return new AppError('PATENT_DUPLICATE', {
    userMessage: {
      zh: `申请号 ${applicationNo} 已登记为“${existing.title}”`,
      en: `Application number ${applicationNo} is already registered as "${existing.title}"`,
    },
    details: {
      existingId: existing.id,
      applicationNo,
      title: existing.title,
      fields: [
        {
          field: 'applicationNo',
          message: `applicationNo 已登记 / applicationNo is already registered`,
          rule: 'duplicate',
        },
      ],
    },
  });
}
