/**
 * What the stored ledger gives the rules. The calibres only ever add amounts up before they round or cap, and they
 * cap per project (to 2020) or per year, so one ledger entry per (project, category, fiscal-funds flag) carrying
 * the sum of that group's entries gives exactly the figures the individual entries would: the database sums, the
 * rules compute on a few dozen lines instead of 100,000. `ledger-inputs.test.ts` checks that equality.
 * The enterprise's profile for the super-deduction is read from the registry: its main industry (one GB/T 4754
 * code) decides the manufacturing and negative-list tests, a 科技型中小企业 qualification in force during the year
 * makes it a 科小 for that year, and a registration during the year starts its operating months.
 */
import type { Fen } from '../common/money.ts';
import type { Bilingual } from './criteria.ts';
import { isManufacturing, isNegativeListIndustry, parseIndustryCode } from './industry.ts';
import type { LedgerCategoryKey, PayeeType, ProjectKind } from './ledger.contract.ts';
import type { LedgerEntry } from './rd-ledger.contract.ts';
import type { EnterpriseProfile } from './super-deduction.contract.ts';

/** The sum of one project's entries of one category (and fiscal-funds flag) in one year. */
export interface LedgerGroup {
  projectCode: string;
  kind: ProjectKind;
  capitalised: boolean;
  payeeType: PayeeType | null;
  relatedParty: boolean;
  contractRegistered: boolean | null;
  category: LedgerCategoryKey;
  nonTaxable: boolean;
  amountFen: Fen;
}

/** The rules' entry for a group: contractor facts on entrusted amounts only, as rd-ledger.contract.ts requires. */
export function ledgerEntryOf(g: LedgerGroup): LedgerEntry {
  const entrusted = g.category === 'entrusted';
  const entry: LedgerEntry = {
    projectId: g.projectCode,
    category: g.category,
    amountFen: g.amountFen,
    location: entrusted && g.kind === 'entrusted_overseas' ? 'overseas' : 'domestic',
    capitalised: g.capitalised,
    fundedByNonTaxableIncome: g.nonTaxable,
  };
  if (entrusted) {
    entry.payeeType = g.payeeType ?? 'organisation';
    entry.relatedParty = g.relatedParty;
    if (g.contractRegistered !== null) entry.contractRegistered = g.contractRegistered;
  }
  return entry;
}

/** Groups with the same project, category and flag (e.g. split by quarter) are added together first. */
export function entriesOfGroups(groups: Iterable<LedgerGroup>): LedgerEntry[] {
  const merged = new Map<string, LedgerGroup>();
  for (const g of groups) {
    const key = `${g.projectCode}\u0000${g.category}\u0000${g.nonTaxable ? 1 : 0}`;
    const known = merged.get(key);
    if (known) merged.set(key, { ...known, amountFen: known.amountFen + g.amountFen });
    else merged.set(key, g);
  }
  return [...merged.values()].map(ledgerEntryOf);
}

export interface RegistryProfile {
  /** The registry's GB/T 4754-2017 code of the main business; null when not recorded. */
  industryCode: string | null;
  registeredOn: string | null;
  /** Years during which a 科技型中小企业 qualification was in force on at least one day. */
  tsmeYears: ReadonlySet<number>;
}

export interface YearProfile {
  profile: EnterpriseProfile;
  assumptions: Bilingual[];
}

/** The super-deduction profile of the enterprise for `year`, and what had to be assumed. */
export function profileForYear(r: RegistryProfile, year: number): YearProfile {
  const code = r.industryCode === null ? null : parseIndustryCode(r.industryCode);
  const assumptions: Bilingual[] = [];
  if (code === null)
    assumptions.push({
      zh: '主体库未登记有效的国民经济行业代码：按非制造业、非负面清单行业计算',
      en: 'No valid industry code in the registry: computed as neither manufacturing nor a negative-list industry',
    });
  const registered = r.registeredOn !== null && r.registeredOn.startsWith(`${year}-`) ? r.registeredOn : null;
  const profile: EnterpriseProfile = {
    residentEnterprise: true,
    auditCollection: true,
    tsme: r.tsmeYears.has(year),
    listedIcOrMachineTool: false,
    // The registry holds one main industry: its revenue is taken as the main-business revenue (≥ 50 %).
    manufacturing: code !== null && isManufacturing(code),
    negativeList: code !== null && isNegativeListIndustry(code),
  };
  if (registered !== null) profile.operatingFrom = registered;
  return { profile, assumptions };
}

/** Words shown once under the summary: how the registry's facts were read. */
export const PROFILE_ASSUMPTIONS: readonly Bilingual[] = [
  {
    zh: '行业按主体库登记的主营行业判定：制造业（门类C）视为制造业收入占比达到50%以上；负面清单行业视为其收入占比超过50%',
    en: 'Industry tests read the registry’s main industry: manufacturing (section C) is taken as ≥ 50 % manufacturing revenue, a negative-list industry as > 50 % of revenue',
  },
  {
    zh: '科技型中小企业：以主体库中当年任一日有效的科小资质为准',
    en: 'Technology-based SME: a 科小 qualification in force on any day of the year, as recorded in the registry',
  },
  {
    zh: '按居民企业、查账征收计算；未列入集成电路、工业母机企业清单（120%）',
    en: 'Computed as a resident enterprise taxed on actual profit, not on the IC or machine-tool lists (120 %)',
  },
];
