/**
 * The other parties of the registry: carriers and service providers (众创空间, 孵化器, 星创天地, service firms;
 * PRV-0001 is the demo provider account's maker space), banks and investors (BANK-0001 is the demo bank), and
 * talents and teams (2017: 9 创客天使 teams, 2 provincial tech-entrepreneur talents, 6 overseas advisers).
 */
import { generateUscc } from '@jinke/core/common/ids/uscc.ts';
import type { SeedContext } from './context.ts';
import type { SeedEnterprise } from './enterprises.ts';
import { brandName, personName } from './names.ts';
import { dayBetween, dayOf, Rng } from './rng.ts';

export interface CarrierRow {
  id: string;
  code: string;
  name: string;
  kind: 'maker_space' | 'incubator' | 'accelerator' | 'star_space' | 'tech_service';
  operator_uscc: string | null;
  town_code: string | null;
  area_m2: string | null;
  tenants: number | null;
}

export interface SeedCarrier {
  row: CarrierRow;
  /** The provincial recognition it holds, as a qualification. */
  provincial?: { kind: 'maker_space' | 'incubator' | 'star_space'; day: number };
}

export interface BankRow {
  id: string;
  code: string;
  name: string;
  kind: 'bank' | 'investor' | 'guarantor';
  uscc: string | null;
}

export interface TalentRow {
  id: string;
  kind: 'talent' | 'team';
  name: string;
  leader_name: string | null;
  enterprise_id: string | null;
  programme: string;
  year: number;
  field: string | null;
}

interface CarrierSpec {
  name: string;
  kind: CarrierRow['kind'];
  town: string;
  provincial?: [CarrierRow['kind'] & ('maker_space' | 'incubator' | 'star_space'), string];
  area?: number;
}

/** PRV-0001 … PRV-0013: the demo provider first. Provincial maker spaces: one from 2016, three new in 2017. */
const CARRIERS: readonly CarrierSpec[] = [
  {
    name: '晋江鞋服创客众创空间',
    kind: 'maker_space',
    town: '350582401',
    provincial: ['maker_space', '2017-11-20'],
    area: 3200,
  },
  {
    name: '晋江三创园众创空间',
    kind: 'maker_space',
    town: '350582002',
    provincial: ['maker_space', '2017-11-20'],
    area: 5600,
  },
  {
    name: '晋江集成电路创新创业空间',
    kind: 'maker_space',
    town: '350582104',
    provincial: ['maker_space', '2017-11-20'],
    area: 2800,
  },
  {
    name: '晋江海峡青年创业空间',
    kind: 'maker_space',
    town: '350582001',
    provincial: ['maker_space', '2016-12-08'],
    area: 2400,
  },
  {
    name: '晋江市科技企业孵化器',
    kind: 'incubator',
    town: '350582401',
    provincial: ['incubator', '2015-10-16'],
    area: 21000,
  },
  { name: '晋江智能装备产业加速器', kind: 'accelerator', town: '350582400', area: 15000 },
  {
    name: '晋江内坑星创天地',
    kind: 'star_space',
    town: '350582109',
    provincial: ['star_space', '2016-11-25'],
    area: 1800,
  },
  {
    name: '晋江紫帽农业星创天地',
    kind: 'star_space',
    town: '350582113',
    provincial: ['star_space', '2018-10-30'],
    area: 1500,
  },
  { name: '陈埭鞋业创客空间', kind: 'maker_space', town: '350582103', area: 1200 },
  { name: '安海食品创客空间', kind: 'maker_space', town: '350582101', area: 900 },
  { name: '磁灶陶瓷设计众创空间', kind: 'maker_space', town: '350582102', area: 1100 },
  { name: '深沪海洋创客空间', kind: 'maker_space', town: '350582105', area: 800 },
];

const SERVICE_FORMS = [
  '专利代理事务所',
  '知识产权代理有限公司',
  '检测技术服务有限公司',
  '科技咨询有限公司',
  '技术转移服务有限公司',
  '工业设计有限公司',
];

const BANKS: readonly (readonly [string, BankRow['kind']])[] = [
  ['中国工商银行股份有限公司晋江分行', 'bank'],
  ['中国农业银行股份有限公司晋江市支行', 'bank'],
  ['中国银行股份有限公司晋江支行', 'bank'],
  ['中国建设银行股份有限公司晋江支行', 'bank'],
  ['福建晋江农村商业银行股份有限公司', 'bank'],
  ['泉州银行股份有限公司晋江支行', 'bank'],
  ['兴业银行股份有限公司晋江支行', 'bank'],
  ['招商银行股份有限公司泉州晋江支行', 'bank'],
  ['晋江市产业发展投资基金管理有限公司', 'investor'],
  ['晋江市科技融资担保有限公司', 'guarantor'],
];

const TEAM_TOPICS = [
  '智能穿戴鞋垫',
  '3D打印鞋模',
  '石墨烯发热服饰',
  '功能性纺织面料',
  '休闲食品保鲜',
  '陶瓷釉料数字化',
  '集成电路测试',
  '跨境电商数据服务',
  '智能仓储机器人',
  '光伏组件清洗',
  '工业互联网平台',
  '运动数据分析',
];
const FIELDS = ['40304', '40306', '80402', '10201', '50601', '20605', '40202', '60101', '80504', '10111'];

export interface PartySet {
  carriers: SeedCarrier[];
  banks: BankRow[];
  talents: TalentRow[];
}

function code(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

export function buildParties(ctx: SeedContext, enterprises: readonly SeedEnterprise[]): PartySet {
  const rng = Rng.stream('parties');
  const usccs = new Set(enterprises.map((e) => e.row.uscc));
  const newUscc = () => {
    let u = generateUscc(rng.fn, '350582');
    while (usccs.has(u)) u = generateUscc(rng.fn, '350582');
    usccs.add(u);
    return u;
  };
  const carriers: SeedCarrier[] = CARRIERS.map((spec, i) => ({
    row: {
      id: rng.uuid(),
      code: code('PRV', i + 1),
      name: spec.name,
      kind: spec.kind,
      operator_uscc: newUscc(),
      town_code: ctx.townByCode.has(spec.town) ? spec.town : null,
      area_m2: spec.area ? spec.area.toFixed(2) : null,
      tenants: spec.kind === 'tech_service' ? null : rng.int(12, 60),
    },
    ...(spec.provincial
      ? {
          provincial: {
            kind: spec.provincial[0],
            day: dayOf(
              Number(spec.provincial[1].slice(0, 4)),
              Number(spec.provincial[1].slice(5, 7)),
              Number(spec.provincial[1].slice(8, 10)),
            ),
          },
        }
      : {}),
  }));
  const names = new Set(carriers.map((c) => c.row.name));
  while (carriers.length < CARRIERS.length + 12) {
    const name = `${rng.pick(['晋江市', '泉州', '福建'])}${brandName(rng)}${rng.pick(SERVICE_FORMS)}`;
    if (names.has(name)) continue;
    names.add(name);
    carriers.push({
      row: {
        id: rng.uuid(),
        code: code('PRV', carriers.length + 1),
        name,
        kind: 'tech_service',
        operator_uscc: newUscc(),
        town_code: ctx.townPicker.pick(rng).code,
        area_m2: null,
        tenants: null,
      },
    });
  }

  const banks: BankRow[] = BANKS.map(([name, kind], i) => ({
    id: rng.uuid(),
    code: code('BANK', i + 1),
    name,
    kind,
    uscc: newUscc(),
  }));

  // Teams lead start-ups; those of a year are drawn from firms registered in the two years before.
  const talents: TalentRow[] = [];
  const teamPlan: [number, number][] = [
    [2016, 6],
    [2017, 9],
    [2018, 10],
  ];
  for (const [year, n] of teamPlan) {
    const startups = enterprises.filter((e) => {
      const y = new Date(e.registeredDay * 86_400_000).getUTCFullYear();
      return y >= year - 2 && y <= year && e.family !== 'trade';
    });
    for (let i = 0; i < n; i++) {
      const topic = rng.pick(TEAM_TOPICS);
      const leader = personName(rng);
      const firm = startups.length > 0 ? rng.pick(startups) : null;
      talents.push({
        id: rng.uuid(),
        kind: 'team',
        name: `${topic}创业团队（${leader}）`,
        leader_name: leader,
        enterprise_id: firm?.row.id ?? null,
        programme: 'maker_angel_plan',
        year,
        field: rng.pick(FIELDS),
      });
    }
  }
  const people: [string, number, number][] = [
    ['provincial_tech_entrepreneur_talent', 2017, 2],
    ['overseas_adviser', 2017, 6],
    ['provincial_tech_entrepreneur_talent', 2016, 1],
  ];
  for (const [programme, year, n] of people) {
    for (let i = 0; i < n; i++) {
      const firm = rng.pick(enterprises.filter((e) => e.tech === 'high'));
      talents.push({
        id: rng.uuid(),
        kind: 'talent',
        name: personName(rng),
        leader_name: null,
        enterprise_id: programme === 'overseas_adviser' ? null : firm.row.id,
        programme,
        year,
        field: rng.pick(FIELDS),
      });
    }
  }
  return { carriers, banks, talents };
}

/** A day in the year, used by the other builders for agreement and award dates. */
export function dayInYearOf(rng: Rng, year: number): number {
  return dayBetween(rng, dayOf(year, 1, 5), dayOf(year, 12, 25));
}
