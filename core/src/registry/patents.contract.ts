/**
 * Contracts of the patent registry and the rules a patent record must satisfy beyond its fields' shapes:
 * the application number (ZC 0006-2003, check character), the type its 种类号 gives, the order of the dates and a
 * legal status that agrees with them. `patentRecordIssues` is pure so the web can show the same errors before
 * sending; the server adds what needs stored data (IPC scheme, applicants, duplicates).
 */
import { z } from 'zod';
import { parseIpcSymbol } from '../common/ids/ipc-code.ts';
import { bilingual } from '../common/validation-messages.ts';
import { PATENT_TYPE_NAMES, validatePatentApplicationNumber } from '../common/ids/patent-number.ts';
import {
  patentKindOf,
  patentLegalStatuses,
  patentTermLastDay,
  type PatentKind,
  type PatentLegalStatus,
} from './patent-status.ts';
import {
  addIdIssue,
  isoDateSchema,
  pageQuery,
  type RegistryIssue,
  searchText,
  townCodeSchema,
} from './parties.contract.ts';

export const patentKindSchema = z.enum(['invention', 'utility', 'design']);
export const patentLegalStatusSchema = z.enum(patentLegalStatuses);
export const holderTypeSchema = z.enum(['enterprise', 'institute', 'person']);

export const patentLegalStatusNames: Record<PatentLegalStatus, { zh: string; en: string }> = {
  pending: { zh: '审中', en: 'Pending' },
  granted: { zh: '有效（已授权）', en: 'Granted' },
  rejected: { zh: '驳回', en: 'Rejected' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  lapsed: { zh: '权利终止（未缴年费、放弃）', en: 'Lapsed' },
  expired: { zh: '期限届满', en: 'Term ended' },
};

export const applicationNoSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .superRefine((v, ctx) => {
    const result = validatePatentApplicationNumber(v);
    if (!result.ok) addIdIssue(ctx, result);
  });

/** An IPC symbol at group or subgroup level; the server checks it exists in the shipped scheme. */
export const patentIpcSchema = z
  .string()
  .trim()
  .max(20)
  .superRefine((v, ctx) => {
    const result = parseIpcSymbol(v);
    if (!result.ok) addIdIssue(ctx, result);
  });

/**
 * One applicant (专利申请人/专利权人) in order. An enterprise or institute is linked to its registry record by id,
 * or for an enterprise by USCC, or by its exact registered name; a person is kept by name only.
 */
export const patentApplicantInput = z
  .object({
    holderType: holderTypeSchema,
    holderId: z.uuid().nullable().optional(),
    uscc: z.string().trim().max(40).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine(
    (a) => Boolean(a.holderId || a.uscc || a.name),
    bilingual('须给出申请人名称或主体编号', 'needs a name or a registry id', 'applicant_unnamed'),
  );

export const applicantItem = z.object({
  position: z.number().int(),
  holderType: holderTypeSchema,
  holderId: z.string().nullable(),
  name: z.string(),
});

export const patentItem = z.object({
  id: z.string(),
  applicationNo: z.string(),
  type: patentKindSchema,
  title: z.string(),
  ipcCodes: z.array(z.string()),
  filedOn: z.string(),
  publishedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  legalStatus: patentLegalStatusSchema,
  lapsedOn: z.string().nullable(),
  /** Last day of the statutory term (专利法 第四十二条). */
  expiresOn: z.string(),
  /** In force today (China Standard Time). */
  validToday: z.boolean(),
  applicantKind: z.enum(['enterprise', 'institute', 'individual']),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  applicants: z.array(applicantItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatentItem = z.infer<typeof patentItem>;

export const createPatentRequest = z.object({
  applicationNo: applicationNoSchema,
  /** Optional: derived from the 种类号; when given it must agree. */
  type: patentKindSchema.optional(),
  title: z.string().trim().min(1).max(500),
  ipcCodes: z.array(patentIpcSchema).max(50).default([]),
  filedOn: isoDateSchema,
  publishedOn: isoDateSchema.nullable().optional(),
  grantedOn: isoDateSchema.nullable().optional(),
  /** Optional: derived from the dates when absent. */
  legalStatus: patentLegalStatusSchema.optional(),
  lapsedOn: isoDateSchema.nullable().optional(),
  /** Optional: taken from the first applicant registered in the county when absent. */
  townCode: townCodeSchema.nullable().optional(),
  applicants: z.array(patentApplicantInput).min(1).max(50),
});
export type CreatePatentInput = z.output<typeof createPatentRequest>;

export const updatePatentRequest = z.object({
  applicationNo: applicationNoSchema.optional(),
  type: patentKindSchema.optional(),
  title: z.string().trim().min(1).max(500).optional(),
  ipcCodes: z.array(patentIpcSchema).max(50).optional(),
  filedOn: isoDateSchema.optional(),
  publishedOn: isoDateSchema.nullable().optional(),
  grantedOn: isoDateSchema.nullable().optional(),
  legalStatus: patentLegalStatusSchema.optional(),
  lapsedOn: isoDateSchema.nullable().optional(),
  townCode: townCodeSchema.nullable().optional(),
  applicants: z.array(patentApplicantInput).min(1).max(50).optional(),
});
export type UpdatePatentInput = z.output<typeof updatePatentRequest>;

export const patentSorts = [
  'relevance',
  'filedOn',
  '-filedOn',
  'grantedOn',
  '-grantedOn',
  'applicationNo',
] as const;

export const patentListQuery = z.object({
  /** Full text over titles; an application number finds its patent too. */
  q: searchText,
  type: patentKindSchema.optional(),
  status: patentLegalStatusSchema.optional(),
  /** Only patents in force on this day (专利法 第四十二条 term, grant and lapse dates). */
  validAt: isoDateSchema.optional(),
  filedYear: z.coerce.number().int().min(1985).max(2100).optional(),
  grantedYear: z.coerce.number().int().min(1985).max(2100).optional(),
  town: townCodeSchema.optional(),
  /** Patents one of whose applicants is this registry enterprise. */
  enterpriseId: z.uuid().optional(),
  /** IPC prefix: `A43B` matches every symbol in the subclass, `A43B13` every one in group 13. */
  ipc: z.string().trim().max(20).optional(),
  /** Default: relevance with a query, newest filing first without. */
  sort: z.enum(patentSorts).optional(),
  ...pageQuery,
});
export type PatentListQuery = z.output<typeof patentListQuery>;
export const patentList = z.object({
  items: z.array(patentItem),
  /** With a text query, at most the server's count cap (1,000 by default): see `totalCapped`. */
  total: z.number().int(),
  /** More patents match than `total` says (show "1000+"); broad searches are then newest first, not ranked. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const enterprisePatentsQuery = z.object({ validAt: isoDateSchema.optional(), ...pageQuery });
export type EnterprisePatentsQuery = z.output<typeof enterprisePatentsQuery>;

/** The fields of a patent record that `patentRecordIssues` checks together. */
export interface PatentRecordDraft {
  applicationNo: string;
  /** The type the user gave, if any. */
  type?: PatentKind | undefined;
  filedOn: string;
  publishedOn: string | null;
  grantedOn: string | null;
  lapsedOn: string | null;
  legalStatus?: PatentLegalStatus | undefined;
}

export interface CheckedPatentRecord {
  type: PatentKind;
  applicationNo: string;
  legalStatus: PatentLegalStatus;
  expiresOn: string;
}

const DATE_FIELDS = ['filedOn', 'publishedOn', 'grantedOn', 'lapsedOn'] as const;
const DATE_NAMES: Record<(typeof DATE_FIELDS)[number], { zh: string; en: string }> = {
  filedOn: { zh: '申请日', en: 'the filing date' },
  publishedOn: { zh: '公开日', en: 'the publication date' },
  grantedOn: { zh: '授权公告日', en: 'the grant date' },
  lapsedOn: { zh: '权利终止日', en: 'the lapse date' },
};

/** The status the dates imply when the user gives none. */
function impliedStatus(d: PatentRecordDraft, lastDay: string, today: string): PatentLegalStatus {
  if (d.lapsedOn) return 'lapsed';
  if (d.grantedOn) return today > lastDay ? 'expired' : 'granted';
  return 'pending';
}

/**
 * Checks a whole patent record (after a partial update has been merged) against `today` (`YYYY-MM-DD`, China time).
 * Returns the record's derived values, or the problems each naming its field and rule. The application number must
 * already have passed `applicationNoSchema`.
 */
export function patentRecordIssues(
  d: PatentRecordDraft,
  today: string,
): { ok: true; value: CheckedPatentRecord } | { ok: false; issues: RegistryIssue[] } {
  const issues: RegistryIssue[] = [];
  const number = validatePatentApplicationNumber(d.applicationNo);
  if (!number.ok)
    return { ok: false, issues: [{ field: 'applicationNo', rule: number.rule, ...number.message }] };
  const type = patentKindOf(number.type);
  if (d.type && d.type !== type) {
    const digitName = PATENT_TYPE_NAMES[number.type];
    issues.push({
      field: 'type',
      rule: 'type_mismatch',
      zh: `与申请号不符：种类号 ${number.typeDigit} 表示${digitName.zh}`,
      en: `does not match the application number: type digit ${number.typeDigit} means ${digitName.en.toLowerCase()}`,
    });
  }
  // A divisional application (分案申请) keeps its parent's filing date and a PCT entry the international one, so the
  // number's year may be later than the filing year, never earlier.
  if (Number(d.filedOn.slice(0, 4)) > number.year) {
    issues.push({
      field: 'filedOn',
      rule: 'filed_after_number_year',
      zh: `不能晚于申请号的年号 ${number.year} 年`,
      en: `cannot be later than the application number's year ${number.year}`,
    });
  }
  for (const field of DATE_FIELDS) {
    const value = d[field];
    if (value && value > today) {
      issues.push({
        field,
        rule: 'date_in_future',
        zh: `不能晚于今天（${today}）`,
        en: `cannot be after today (${today})`,
      });
    }
  }
  const order: [later: (typeof DATE_FIELDS)[number], earlier: (typeof DATE_FIELDS)[number]][] = [
    ['publishedOn', 'filedOn'],
    ['grantedOn', 'filedOn'],
    ['grantedOn', 'publishedOn'],
    ['lapsedOn', 'grantedOn'],
  ];
  for (const [later, earlier] of order) {
    const a = d[later];
    const b = d[earlier];
    if (a && b && a < b) {
      issues.push({
        field: later,
        rule: 'date_order',
        zh: `不能早于${DATE_NAMES[earlier].zh}（${b}）`,
        en: `cannot be before ${DATE_NAMES[earlier].en} (${b})`,
      });
    }
  }
  if (d.lapsedOn && !d.grantedOn) {
    issues.push({
      field: 'lapsedOn',
      rule: 'lapse_without_grant',
      zh: '只有已授权的专利才会终止',
      en: 'only a granted patent can lapse',
    });
  }
  const lastDay = patentTermLastDay(type, d.filedOn);
  const status = d.legalStatus ?? impliedStatus(d, lastDay, today);
  const needsGrant = status === 'granted' || status === 'lapsed' || status === 'expired';
  if (needsGrant && !d.grantedOn) {
    issues.push({
      field: 'grantedOn',
      rule: 'status_needs_grant',
      zh: '法律状态为已授权、终止或届满时必填',
      en: 'is required for a granted, lapsed or expired patent',
    });
  }
  if (!needsGrant && d.grantedOn) {
    issues.push({
      field: 'legalStatus',
      rule: 'status_conflicts_grant',
      zh: '有授权公告日的专利不能是审中、驳回或撤回',
      en: 'cannot be pending, rejected or withdrawn when a grant date is given',
    });
  }
  if (status === 'lapsed' && !d.lapsedOn) {
    issues.push({
      field: 'lapsedOn',
      rule: 'status_needs_lapse',
      zh: '法律状态为权利终止时必填',
      en: 'is required for a lapsed patent',
    });
  }
  if (status !== 'lapsed' && d.lapsedOn) {
    issues.push({
      field: 'legalStatus',
      rule: 'status_conflicts_lapse',
      zh: '有权利终止日的专利法律状态应为权利终止',
      en: 'must be lapsed when a lapse date is given',
    });
  }
  if (status === 'expired' && today <= lastDay) {
    issues.push({
      field: 'legalStatus',
      rule: 'term_not_ended',
      zh: `保护期至 ${lastDay} 届满，尚未到期（专利法 第四十二条）`,
      en: `the term runs to ${lastDay} and has not ended (Patent Law art. 42)`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { type, applicationNo: number.normalized, legalStatus: status, expiresOn: lastDay },
  };
}
