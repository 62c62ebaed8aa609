/**
 * Honours, 产学研 cooperation agreements and industrial-chain tags. 2017 reproduces the summary: 2 firms with a
 * 中国专利奖优秀奖 and 16 泉州市科学技术奖 (1 企业技术创新奖 of the government, 1 重大贡献奖, 2 创业奖, and 1/3/8
 * 科技进步奖 first/second/third prizes), each with the 晋江 unit's rank among the winning units.
 */
import type { SeedContext } from './context.ts';
import type { SeedEnterprise } from './enterprises.ts';
import { IC_SEGMENT, type TitleFamily } from './industries.data.ts';
import type { SeedInstitute } from './institutes.ts';
import type { SeedPatent } from './patents.ts';
import { dayInYearOf } from './parties.ts';
import { qualificationCount, weightedSample } from './qualifications.ts';
import { addYears, isoDay, Rng, yearOfDay } from './rng.ts';

export interface HonourRow {
  id: string;
  holder_type: 'enterprise' | 'institute' | 'person';
  holder_id: string | null;
  holder_name: string;
  award: 'china_patent_award' | 'city_sti_award';
  grade: string;
  rank_among_units: number | null;
  year: number;
  project_title: string | null;
}

export interface CooperationRow {
  id: string;
  enterprise_id: string;
  institute_id: string;
  subject: string;
  signed_on: string;
  valid_to: string | null;
}

export interface ChainTagRow {
  holder_type: 'enterprise' | 'institute' | 'carrier';
  holder_id: string;
  chain: string;
  segment: string;
}

export const QUANZHOU_GRADES_2017 = {
  government_enterprise_innovation: 1,
  major_contribution: 1,
  entrepreneurship: 2,
  progress_first: 1,
  progress_second: 3,
  progress_third: 8,
} as const;

/** The seed's split names as the contract's grades of `city_sti_award` (科技进步奖 prizes are first/second/third). */
const CITY_GRADE: Record<keyof typeof QUANZHOU_GRADES_2017, string> = {
  government_enterprise_innovation: 'enterprise_innovation',
  major_contribution: 'major_contribution',
  entrepreneurship: 'entrepreneurship',
  progress_first: 'first',
  progress_second: 'second',
  progress_third: 'third',
};

/** Earlier and later years, for history: [year, grade split]. */
const QUANZHOU_OTHER_YEARS: [number, Partial<Record<keyof typeof QUANZHOU_GRADES_2017, number>>][] = [
  [2015, { government_enterprise_innovation: 1, progress_first: 1, progress_second: 3, progress_third: 7 }],
  [2016, { major_contribution: 1, entrepreneurship: 1, progress_second: 4, progress_third: 8 }],
  [
    2018,
    {
      government_enterprise_innovation: 1,
      entrepreneurship: 2,
      progress_first: 1,
      progress_second: 4,
      progress_third: 9,
    },
  ],
];

const PROJECT_TOPICS: Record<TitleFamily, readonly string[]> = {
  footwear: ['高弹耐磨运动鞋底材料', '轻量化运动鞋', '智能制鞋装备', '鞋服功能性面料'],
  textile: ['功能性针织面料', '环保印染工艺', '高性能经编面料'],
  food: ['休闲食品连续化生产', '海洋食品精深加工', '食品保鲜与安全检测'],
  building: ['薄型建筑陶瓷板', '陶瓷废料资源化利用', '高性能石材加工'],
  paper: ['生活用纸节能造纸', '高强度包装纸', '造纸废水资源化'],
  electronics: ['功率器件封装', '存储芯片测试', 'LED照明模组'],
  materials: ['石墨烯改性复合材料', '可降解高分子材料', '超细纤维合成革'],
  energy: ['高效太阳能电池组件', '储能电池管理系统'],
  software: ['智慧交通信息平台', '鞋服供应链云平台', '工业大数据分析系统'],
  machinery: ['全自动拉链生产线', '智能纺织装备', '工业机器人集成应用'],
};
const PROJECT_SUFFIXES = ['关键技术研发及产业化', '的研制与应用', '关键技术及应用', '集成创新与示范'];

const FAMILY_OF_INDUSTRY: Record<SeedEnterprise['family'], TitleFamily> = {
  shoes: 'footwear',
  apparel: 'footwear',
  textile: 'textile',
  food: 'food',
  building: 'building',
  paper: 'paper',
  ic: 'electronics',
  plastics: 'materials',
  machinery: 'machinery',
  chemicals: 'materials',
  other_mfg: 'machinery',
  energy: 'energy',
  trade: 'software',
  software: 'software',
  services: 'software',
};

function projectTitle(rng: Rng, family: TitleFamily): string {
  return `${rng.pick(PROJECT_TOPICS[family])}${rng.pick(PROJECT_SUFFIXES)}`;
}

export interface HonourInput {
  enterprises: readonly SeedEnterprise[];
  institutes: readonly SeedInstitute[];
  patents: readonly SeedPatent[];
}

export function buildHonours(ctx: SeedContext, input: HonourInput): HonourRow[] {
  const rng = Rng.stream('honours');
  const rows: HonourRow[] = [];
  const inventionsBy = new Map<SeedEnterprise, SeedPatent[]>();
  for (const p of input.patents) {
    if (p.row.type !== 'invention' || p.enterprise === null || p.grantedDay === null) continue;
    const list = inventionsBy.get(p.enterprise) ?? [];
    list.push(p);
    inventionsBy.set(p.enterprise, list);
  }
  const grantedBy = (e: SeedEnterprise, year: number) =>
    (inventionsBy.get(e) ?? []).filter((p) => yearOfDay(p.grantedDay as number) < year);

  // 中国专利奖优秀奖: 2017 to 浔兴 and the firm with the most invention grants; one more firm in 2016 and 2018.
  const ranked = [...inventionsBy.keys()]
    .filter((e) => e.key !== 'demo')
    .sort(
      (a, b) =>
        (inventionsBy.get(b)?.length ?? 0) - (inventionsBy.get(a)?.length ?? 0) ||
        a.row.uscc.localeCompare(b.row.uscc),
    );
  const xunxing = input.enterprises.find((e) => e.key === 'xunxing');
  const patentWinners: [number, SeedEnterprise[]][] = [
    [2016, ranked.filter((e) => e !== xunxing).slice(1, 2)],
    [
      2017,
      [...(xunxing ? [xunxing] : []), ...ranked.filter((e) => e !== xunxing).slice(0, 1)].slice(
        0,
        qualificationCount(ctx, 2),
      ),
    ],
    [2018, ranked.filter((e) => e !== xunxing).slice(2, 4)],
  ];
  for (const [year, winners] of patentWinners) {
    for (const e of winners) {
      const patents = grantedBy(e, year);
      const p = patents.length > 0 ? rng.pick(patents) : null;
      rows.push({
        id: rng.uuid(),
        holder_type: 'enterprise',
        holder_id: e.row.id,
        holder_name: e.row.name,
        award: 'china_patent_award',
        grade: 'excellence',
        rank_among_units: 1,
        year,
        project_title: p
          ? `${p.row.title}（ZL${p.row.application_no}）`
          : projectTitle(rng, FAMILY_OF_INDUSTRY[e.family]),
      });
    }
  }

  // 泉州市科学技术奖: units are firms with R&D (rarely a 晋江 institute); the two personal awards go to founders.
  const candidates = input.enterprises.filter((e) => e.tech !== 'low' && e.key !== 'demo');
  const localInstitutes = input.institutes.filter((i) => i.local);
  const years: [number, Partial<Record<keyof typeof QUANZHOU_GRADES_2017, number>>][] = [
    ...QUANZHOU_OTHER_YEARS,
    [2017, QUANZHOU_GRADES_2017],
  ];
  years.sort((a, b) => a[0] - b[0]);
  for (const [year, grades] of years) {
    const eligible = candidates.filter((e) => yearOfDay(e.registeredDay) < year - 1);
    const won = new Set<SeedEnterprise>();
    for (const [grade, planned] of Object.entries(grades) as [keyof typeof QUANZHOU_GRADES_2017, number][]) {
      const n = qualificationCount(ctx, planned);
      const winners = weightedSample(
        rng,
        eligible,
        (e) => (won.has(e) ? 0 : e.tech === 'high' ? 4 : 1) * Math.sqrt(Math.max(e.revenue2017, 1)),
        n,
      );
      for (const e of winners) {
        won.add(e);
        const personal = grade === 'major_contribution' || grade === 'entrepreneurship';
        if (!personal && grade.startsWith('progress') && rng.chance(0.12) && localInstitutes.length > 0) {
          const inst = rng.pick(localInstitutes);
          rows.push({
            id: rng.uuid(),
            holder_type: 'institute',
            holder_id: inst.row.id,
            holder_name: inst.row.name,
            award: 'city_sti_award',
            grade: CITY_GRADE[grade],
            rank_among_units: rng.int(1, 2),
            year,
            project_title: projectTitle(rng, inst.family),
          });
          continue;
        }
        rows.push({
          id: rng.uuid(),
          holder_type: personal ? 'person' : 'enterprise',
          holder_id: personal ? null : e.row.id,
          holder_name: personal ? e.row.legal_rep : e.row.name,
          award: 'city_sti_award',
          grade: CITY_GRADE[grade],
          rank_among_units: personal
            ? null
            : grade.startsWith('progress')
              ? rng.chance(0.7)
                ? 1
                : rng.int(2, 3)
              : 1,
          year,
          project_title: personal ? null : projectTitle(rng, FAMILY_OF_INDUSTRY[e.family]),
        });
      }
    }
  }
  return rows;
}

const COOPERATION_FORMS = ['联合研发', '共建研发中心', '技术服务', '成果转化', '人才培养与技术咨询'];

/** 产学研 agreements between firms with R&D and institutes of a matching field, signed 2013–2018. */
export function buildCooperation(
  ctx: SeedContext,
  enterprises: readonly SeedEnterprise[],
  institutes: readonly SeedInstitute[],
): CooperationRow[] {
  const rng = Rng.stream('cooperation');
  const rows: CooperationRow[] = [];
  const byFamily = new Map<TitleFamily, SeedInstitute[]>();
  for (const i of institutes) byFamily.set(i.family, [...(byFamily.get(i.family) ?? []), i]);
  const firms = enterprises.filter((e) => e.tech !== 'low');
  const plan: [number, number][] = [
    [2013, 15],
    [2014, 20],
    [2015, 25],
    [2016, 30],
    [2017, 40],
    [2018, 45],
  ];
  for (const [year, planned] of plan) {
    const eligible = firms.filter((e) => yearOfDay(e.registeredDay) < year);
    for (const e of weightedSample(
      rng,
      eligible,
      (x) => (x.tech === 'high' ? 3 : 1),
      qualificationCount(ctx, planned),
    )) {
      const family = FAMILY_OF_INDUSTRY[e.family];
      const partner = rng.pick(byFamily.get(family) ?? institutes);
      const signed = dayInYearOf(rng, year);
      rows.push({
        id: rng.uuid(),
        enterprise_id: e.row.id,
        institute_id: partner.row.id,
        subject: `${rng.pick(PROJECT_TOPICS[family])}${rng.pick(COOPERATION_FORMS)}`,
        signed_on: isoDay(signed),
        valid_to: isoDay(addYears(signed, rng.int(2, 5), -1)),
      });
    }
  }
  return rows;
}

/** Chain tags: 集成电路 by segment, 石墨烯, 新能源, and the traditional clusters for their 规上 firms. */
export function buildChainTags(
  enterprises: readonly SeedEnterprise[],
  institutes: readonly SeedInstitute[],
): ChainTagRow[] {
  const rows: ChainTagRow[] = [];
  const tag = (holder_type: ChainTagRow['holder_type'], holder_id: string, chain: string, segment = '') =>
    rows.push({ holder_type, holder_id, chain, segment });
  const above = (e: SeedEnterprise) => e.revenue2017 >= 20_000_000;
  for (const e of enterprises) {
    const code = e.row.industry_code;
    if (e.family === 'ic') tag('enterprise', e.row.id, '集成电路', IC_SEGMENT[code] ?? '');
    if (code === '3091' || e.row.hitech_field === '40104')
      tag('enterprise', e.row.id, '石墨烯', e.key === 'fanggan' ? '材料' : '应用');
    if (e.family === 'energy' && code !== '3091')
      tag('enterprise', e.row.id, '新能源', code === '3825' ? '光伏' : code === '3841' ? '储能' : '');
    if (e.key === 'xunxing') tag('enterprise', e.row.id, '鞋服', '辅料');
    else if ((e.family === 'shoes' || e.family === 'apparel') && above(e))
      tag('enterprise', e.row.id, '鞋服', e.family === 'shoes' ? '鞋' : '服装');
    else if (e.family === 'plastics' && above(e)) tag('enterprise', e.row.id, '鞋服', '鞋材');
    if (e.family === 'textile' && above(e)) tag('enterprise', e.row.id, '纺织');
    if (e.family === 'food' && above(e)) tag('enterprise', e.row.id, '食品');
    if (e.family === 'building' && above(e)) tag('enterprise', e.row.id, '建材陶瓷');
    if (e.family === 'paper' && above(e)) tag('enterprise', e.row.id, '纸业');
  }
  for (const i of institutes) {
    if (!i.local) continue;
    if (i.row.name.includes('石墨烯')) tag('institute', i.row.id, '石墨烯', '研发');
    else if (i.family === 'electronics') tag('institute', i.row.id, '集成电路', '研发');
    else if (i.family === 'energy') tag('institute', i.row.id, '新能源', '研发');
  }
  return rows;
}
