/**
 * What an application claims, as the facts the standard prices (`AwardFacts`) and the items it funds (`itemKeys`,
 * what supervision compares across awards): patent subsidies count the applicant's own granted patents listed in
 * the form by type; science-plan and industrialisation projects price the funding requested; an innovation award
 * is one awarded project. Anything claimed but not counted is said in `notes`, never dropped silently.
 */
import { parseMoney } from '../common/money.ts';
import type { AwardFacts } from './proposed-amount.ts';

export interface RegistryPatent {
  applicationNo: string;
  type: 'invention' | 'utility' | 'design';
  /** Granted and held by the applicant. */
  granted: boolean;
}

export interface ClaimedFacts {
  facts: AwardFacts;
  itemKeys: string[];
  notes: { zh: string; en: string }[];
}

const ITEM_OF_TYPE = {
  invention: 'invention_grant',
  utility: 'utility_grant',
  design: 'design_grant',
} as const;

/** Patent numbers as typed: separated by spaces, commas, semicolons or 、; `ZL` and dots kept as the registry has them. */
export function patentNumbersOf(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const numbers = text
    .split(/[\s,，;；、]+/u)
    .map((n) => n.trim().toUpperCase().replace(/^ZL/, 'CN'))
    .filter((n) => n.length > 0);
  return [...new Set(numbers)];
}

/** 万元 as typed in the form (a JSON number) to whole 分, exactly; null when absent or not an amount. */
export function wanToFen(value: unknown): bigint | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const parsed = parseMoney(`${String(value)}万元`);
  return parsed.ok ? parsed.fen : null;
}

const projectKey = (title: unknown) =>
  typeof title === 'string' && title.trim() ? [`project:${title.trim()}`] : [];

/**
 * The facts of one application of `kind`: `formData` as submitted, `patents` the registry's record of the numbers
 * it lists (held by the applicant).
 */
export function claimedFacts(
  kind: string,
  formData: Record<string, unknown>,
  patents: readonly RegistryPatent[],
): ClaimedFacts {
  switch (kind) {
    case 'patent_subsidy': {
      const listed = patentNumbersOf(formData.patentNumbers);
      const byNo = new Map(patents.map((p) => [p.applicationNo, p]));
      const items: Record<string, number> = {};
      const itemKeys: string[] = [];
      const notes: ClaimedFacts['notes'] = [];
      for (const no of listed) {
        const p = byNo.get(no);
        if (!p || !p.granted) {
          notes.push({
            zh: `${no} 未计入：主体库中无本单位的该项授权专利`,
            en: `${no} not counted: the registry has no such granted patent of the applicant`,
          });
          continue;
        }
        const item = ITEM_OF_TYPE[p.type];
        items[item] = (items[item] ?? 0) + 1;
        itemKeys.push(no);
      }
      return { facts: { items }, itemKeys, notes };
    }
    case 'science_plan':
    case 'patent_industrialisation': {
      const base = wanToFen(formData.requestedWan);
      const itemKeys =
        kind === 'patent_industrialisation'
          ? patentNumbersOf(formData.patentNumber)
          : projectKey(formData.projectTitle);
      return base === null
        ? {
            facts: {},
            itemKeys,
            notes: [{ zh: '未填写申请资金', en: 'no funding requested in the form' }],
          }
        : { facts: { baseFen: base }, itemKeys, notes: [] };
    }
    case 'innovation_award':
      return { facts: { items: { award_item: 1 } }, itemKeys: projectKey(formData.projectTitle), notes: [] };
    default:
      return { facts: {}, itemKeys: projectKey(formData.projectTitle), notes: [] };
  }
}
