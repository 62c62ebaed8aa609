/**
 * Drafts of the 高企 and 科小 assessment inputs from what the registry holds (pure: facts in, draft out). Nothing is
 * guessed: a figure the registry lacks is left out of the draft and listed in `missing` with words saying so
 * ("2023 年度数据缺失"); every prefilled value names its source.
 *
 * IP classes (国科发火〔2016〕195号 三（二）): granted invention patents in force are Ⅰ类, utility-model and design
 * patents Ⅱ类. The registry holds patents only, so software copyright and other Ⅱ类 rights, and Ⅰ类 rights other than
 * invention patents, are for the enterprise to add.
 */
import { toFenNumber } from '@jinke/core/common/money.ts';
import { dayOf, yearOfDay } from '@jinke/core/cultivation/calendar.ts';
import { fieldWords } from '@jinke/core/cultivation/cultivation-plan.data.ts';
import type { HnteAssessmentRawInput } from '@jinke/core/cultivation/hnte-assessment.rules.ts';
import { hnteWindow } from '@jinke/core/cultivation/hnte-conditions.rules.ts';
import type { TsmeRawInput } from '@jinke/core/cultivation/tsme.contract.ts';
import type { AssessedEnterprise, PrefillNote } from '@jinke/core/cultivation/assessments.contract.ts';
import { hitechFieldByCode } from '@jinke/core/registry/hitech-fields.ts';
import type { RegistryFacts, RegistryYear } from './prefill.repo.ts';

export interface Prefill<I> {
  assessmentDate: string;
  enterprise: AssessedEnterprise;
  input: I;
  missing: string[];
  notes: PrefillNote[];
  sources: PrefillNote[];
}

/** Unscored items of the 高企 score as the rule names them (`score.` + the item's input path). */
const EXPERT_ITEMS = [
  'score.ip.advanced.points',
  'score.ip.coreSupport.points',
  'score.ip.count.points',
  'score.ip.acquisition.points',
  'score.ip.standards.points',
  'score.transformation.points',
  'score.rdManagement.system',
  'score.rdManagement.institution',
  'score.rdManagement.transformation',
  'score.rdManagement.talent',
  'score.growth.netAssetsPoints',
  'score.growth.salesPoints',
];

/** Kinds of qualification that are 省部级以上研发机构 (115号 第八条（三）). */
const PROVINCIAL_RD_KINDS = new Set(['provincial_key_lab', 'provincial_eng_center']);

class Draft {
  readonly missing: string[] = [];
  readonly notes: PrefillNote[] = [];
  readonly sources: PrefillNote[] = [];

  lack(path: string, why?: { zh: string; en: string }): void {
    this.missing.push(path);
    if (why) this.notes.push({ path, ...why });
  }

  source(path: string, zh: string, en: string): void {
    this.sources.push({ path, zh, en });
  }
}

function summary(facts: RegistryFacts): AssessedEnterprise {
  const e = facts.enterprise;
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    townCode: e.townCode,
    townName: e.townName,
    registeredOn: e.registeredOn,
    hitechField: e.hitechField,
  };
}

const fen = (v: bigint): number => toFenNumber(v);

function yearMissing(draft: Draft, year: number, paths: string[]): void {
  draft.notes.push({ path: `years[year=${year}]`, zh: `${year} 年度数据缺失`, en: `No figures for ${year}` });
  for (const path of paths) draft.lack(path);
}

function figureMissing(draft: Draft, path: string): void {
  const w = fieldWords(path);
  draft.lack(path, { zh: `${w.zh}缺失`, en: `Missing: ${w.en}` });
}

function hnteYear(draft: Draft, year: number, record: RegistryYear | undefined, latest: boolean) {
  const at = (field: string) => `years[year=${year}].${field}`;
  const entry: { year: number; salesFen?: number; rdFen?: number; netAssetsFen?: number } = { year };
  const fields = [
    'salesFen',
    'rdFen',
    'domesticRdFen',
    'netAssetsFen',
    ...(latest ? ['hiTechRevenueFen', 'totalRevenueFen'] : []),
  ];
  if (!record) {
    yearMissing(draft, year, fields.map(at));
    return entry;
  }
  const held: [string, bigint | null, string][] = [
    ['salesFen', record.revenueFen, '营业收入（主营业务收入＋其他业务收入）'],
    ['rdFen', record.rdFen, '研发费用'],
    ['netAssetsFen', record.netAssetsFen, '年末净资产'],
  ];
  for (const [field, value, label] of held) {
    if (value === null) figureMissing(draft, at(field));
    else {
      if (field === 'salesFen') entry.salesFen = fen(value);
      if (field === 'rdFen') entry.rdFen = fen(value);
      if (field === 'netAssetsFen') entry.netAssetsFen = fen(value);
      draft.source(at(field), `主体库 ${year} 年度${label}`, `Registry, ${year}: ${field}`);
    }
  }
  draft.lack(at('domesticRdFen'), {
    zh: `${year} 年度境内研究开发费用：主体库未登记，请按研发费用辅助账填写`,
    en: `Domestic R&D of ${year}: not in the registry; take it from the R&D ledger`,
  });
  if (latest) {
    draft.lack(at('hiTechRevenueFen'), {
      zh: `${year} 年度高新技术产品（服务）收入：主体库未登记`,
      en: `Hi-tech revenue of ${year}: not in the registry`,
    });
    draft.lack(at('totalRevenueFen'), {
      zh: `${year} 年度总收入（收入总额－不征税收入）：主体库未登记`,
      en: `Total revenue of ${year} (income less non-taxable income): not in the registry`,
    });
  }
  return entry;
}

function ipCounts(draft: Draft, facts: RegistryFacts, day: string, path: string) {
  const { invention, utility, design } = facts.patents;
  draft.source(
    path,
    `主体库 ${day} 有效专利：发明 ${invention} 件（Ⅰ类），实用新型 ${utility} 件、外观设计 ${design} 件（Ⅱ类）；软件著作权等其他知识产权不在主体库中，请自行补充`,
    `Registry patents in force on ${day}: ${invention} invention (class Ⅰ), ${utility} utility model and ${design} design (class Ⅱ); add software copyright and other rights yourself`,
  );
  return { countI: invention, countII: utility + design };
}

export function buildHntePrefill(
  facts: RegistryFacts,
  assessmentDate: string,
): Prefill<HnteAssessmentRawInput> {
  const draft = new Draft();
  const e = facts.enterprise;
  const year = yearOfDay(dayOf(assessmentDate));
  const input: HnteAssessmentRawInput = { assessmentDate, years: [] };
  let window: number[] = [];
  if (e.registeredOn) {
    input.registrationDate = e.registeredOn;
    draft.source(
      'registrationDate',
      `主体库成立日期 ${e.registeredOn}`,
      `Registry registration date ${e.registeredOn}`,
    );
    window = hnteWindow(year, yearOfDay(dayOf(e.registeredOn)));
  } else {
    figureMissing(draft, 'registrationDate');
    window = hnteWindow(year, undefined);
  }
  const field = e.hitechField ? hitechFieldByCode(e.hitechField) : undefined;
  if (e.hitechField) {
    input.techInKeyFields = true;
    draft.source(
      'techInKeyFields',
      `主体库登记的高新技术领域：${e.hitechField}${field ? ` ${field.name}` : ''}`,
      `Registry hi-tech field ${e.hitechField}`,
    );
  } else figureMissing(draft, 'techInKeyFields');
  figureMissing(draft, 'hasCoreIpOwnership');
  figureMissing(draft, 'majorIncidentWithinYear');

  const latestYear = window.at(-1);
  input.years = window.map((y) => hnteYear(draft, y, facts.years.get(y), y === latestYear));

  const staffRecord = latestYear === undefined ? undefined : facts.years.get(latestYear);
  const staff: { techStaff?: number; totalStaff?: number } = {};
  for (const [key, value] of [
    ['techStaff', staffRecord?.techStaff ?? null],
    ['totalStaff', staffRecord?.staff ?? null],
  ] as const) {
    const path = `staff.${key}`;
    if (value === null) figureMissing(draft, path);
    else {
      staff[key] = value;
      draft.source(
        path,
        `主体库 ${latestYear ?? ''} 年度登记人数（认定时须为全年月平均数，请核对）`,
        `Registry head count of ${latestYear ?? ''} (the rule needs the annual monthly average; check it)`,
      );
    }
  }
  input.staff = staff;

  const count = ipCounts(draft, facts, assessmentDate, 'score.ip.count');
  input.score = { ip: { count }, rdManagement: {}, growth: {} };
  for (const path of EXPERT_ITEMS) {
    // Without IP the acquisition item scores 0 (I-05) and takes no band.
    if (path === 'score.ip.acquisition.points' && count.countI + count.countII === 0) continue;
    draft.lack(path);
  }
  draft.notes.push({
    path: 'score',
    zh: '企业创新能力评价中由专家评判的项目（技术先进程度、核心支持作用、获得方式、成果转化、研发管理、成长性得分等）请按档位自评',
    en: 'Score the expert-judged items of the innovation evaluation yourself, band by band',
  });
  return {
    assessmentDate,
    enterprise: summary(facts),
    input,
    missing: draft.missing,
    notes: draft.notes,
    sources: draft.sources,
  };
}

function inForce(q: { issuedOn: string; validTo: string | null }, day: string): boolean {
  return q.issuedOn <= day && (q.validTo === null || day <= q.validTo);
}

export function buildTsmePrefill(facts: RegistryFacts, assessmentDate: string): Prefill<TsmeRawInput> {
  const draft = new Draft();
  const last = yearOfDay(dayOf(assessmentDate)) - 1;
  const record = facts.years.get(last);
  // A company registered under PRC law is a resident enterprise (企业所得税法 第二条).
  const input: TsmeRawInput = { assessmentDate, residentEnterprise: true };
  draft.source(
    'residentEnterprise',
    `主体库登记的境内企业（统一社会信用代码 ${facts.enterprise.uscc}），依法在境内成立即为居民企业（企业所得税法 第二条）`,
    `Registered in China (credit code ${facts.enterprise.uscc}), hence a resident enterprise`,
  );
  const held: [keyof TsmeRawInput, bigint | number | null, string][] = [
    ['employees', record?.staff ?? null, '职工人数'],
    ['techStaff', record?.techStaff ?? null, '科技人员数'],
    ['salesRevenueFen', record?.revenueFen ?? null, '营业收入'],
    ['totalAssetsFen', record?.totalAssetsFen ?? null, '资产总额'],
    ['rdExpenseFen', record?.rdFen ?? null, '研发费用（请按财税〔2015〕119号口径核对）'],
  ];
  if (!record)
    yearMissing(
      draft,
      last,
      held.map(([path]) => path),
    );
  else
    for (const [path, value, label] of held) {
      if (value === null) figureMissing(draft, path);
      else {
        if (path === 'employees' || path === 'techStaff') input[path] = Number(value);
        else if (path === 'salesRevenueFen' || path === 'totalAssetsFen' || path === 'rdExpenseFen')
          input[path] = fen(BigInt(value));
        draft.source(path, `主体库 ${last} 年度${label}`, `Registry, ${last}: ${path}`);
      }
    }
  figureMissing(draft, 'totalCostFen');
  figureMissing(draft, 'prohibitedIndustry');
  figureMissing(draft, 'incidentOrBlacklisted');
  const count = ipCounts(draft, facts, assessmentDate, 'ipI');
  input.ipI = count.countI;
  input.ipII = count.countII;

  const hnte = facts.qualifications.find((q) => q.kind === 'hnte' && q.issuedOn <= assessmentDate);
  const nationalAwards = facts.honours.filter(
    (h) =>
      h.award === 'national_sti_award' &&
      h.rankAmongUnits !== null &&
      h.year <= yearOfDay(dayOf(assessmentDate)),
  );
  const provincial = facts.qualifications.find(
    (q) => PROVINCIAL_RD_KINDS.has(q.kind) && inForce(q, assessmentDate),
  );
  input.direct = {
    ...(hnte
      ? {
          hnteCertificate: { issuedOn: hnte.issuedOn, ...(hnte.validTo ? { validUntil: hnte.validTo } : {}) },
        }
      : {}),
    // The registry records the award year only; the first day of that year is the earliest the award can date from.
    nationalAwards: nationalAwards.map((h) => ({
      awardedOn: `${h.year}-01-01`,
      rank: h.rankAmongUnits ?? 1,
    })),
    ...(provincial ? { provincialRdInstitution: true } : {}),
    ledStandards: [],
  };
  if (hnte)
    draft.source(
      'direct.hnteCertificate',
      `主体库高新技术企业证书 ${hnte.certificateNo ?? ''} ${hnte.issuedOn} 颁发`,
      `Registry HNTE certificate issued ${hnte.issuedOn}`,
    );
  if (nationalAwards.length > 0)
    draft.source(
      'direct.nationalAwards',
      `主体库国家科学技术奖 ${nationalAwards.map((h) => `${h.year} 年第 ${h.rankAmongUnits ?? ''} 完成单位`).join('、')}（按获奖年度 1 月 1 日计）`,
      `Registry national S&T awards ${nationalAwards.map((h) => h.year).join(', ')} (dated 1 January of the year)`,
    );
  if (provincial)
    draft.source(
      'direct.provincialRdInstitution',
      `主体库省级研发机构资质 ${provincial.issuedOn} 起`,
      `Registry provincial R&D institution since ${provincial.issuedOn}`,
    );
  const unranked = facts.honours.filter((h) => h.award === 'national_sti_award' && h.rankAmongUnits === null);
  if (unranked.length > 0)
    draft.notes.push({
      path: 'direct.nationalAwards',
      zh: `主体库中 ${unranked.map((h) => h.year).join('、')} 年国家科学技术奖未登记获奖单位排名，请自行补充`,
      en: `National S&T awards of ${unranked.map((h) => h.year).join(', ')} have no recorded rank; add it`,
    });
  draft.notes.push({
    path: 'direct.ledStandards',
    zh: '主导制定的国际、国家或行业标准不在主体库中，如有请自行补充',
    en: 'Standards the enterprise led are not in the registry; add them if any',
  });
  return {
    assessmentDate,
    enterprise: summary(facts),
    input,
    missing: draft.missing,
    notes: draft.notes,
    sources: draft.sources,
  };
}
