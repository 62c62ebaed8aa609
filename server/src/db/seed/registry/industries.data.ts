/**
 * Industry mix of the demo enterprises, by GB/T 4754-2017 小类 (codes checked against the shipped
 * `reference/gbt4754-2017-industry.csv` by a test). Weights follow Jinjiang's clusters: footwear and apparel
 * (大类 19, 18), textiles (17), food (13/14), building ceramics and stone (30), paper (22) and the young
 * integrated-circuit cluster (39, 6520), plus the shoe-material, machinery and trade firms around them.
 * `words` are the trade words a company of that 小类 puts in its name; `hitech` the 高新技术领域 items
 * (2016 catalogue codes of `reference/hitech-fields-2016.csv`) such a firm would claim; `titles` the patent
 * title families (see patents) its inventions and utility models come from; `design` its design products.
 */

export type TitleFamily =
  | 'footwear'
  | 'textile'
  | 'food'
  | 'building'
  | 'paper'
  | 'electronics'
  | 'materials'
  | 'energy'
  | 'software'
  | 'machinery';

export type DesignFamily =
  'shoes' | 'apparel' | 'fabric' | 'food' | 'ceramics' | 'paper' | 'electronics' | 'goods';

export type IndustryFamily =
  | 'shoes'
  | 'apparel'
  | 'textile'
  | 'food'
  | 'building'
  | 'paper'
  | 'ic'
  | 'plastics'
  | 'machinery'
  | 'chemicals'
  | 'other_mfg'
  | 'energy'
  | 'trade'
  | 'software'
  | 'services';

export interface FamilySpec {
  /** Share of the county's enterprises, before the town bias. */
  weight: number;
  /** Relative propensity to patent (per enterprise). */
  patenting: number;
  /** Share of designs / utility models / inventions among its filings. */
  mix: { design: number; utility: number; invention: number };
  titles: readonly TitleFamily[];
  design: DesignFamily;
  hitech: readonly string[];
  /** Industrial firms are counted as 规上 at revenue ≥ 2000万元; the demo applies the same line to all. */
  classes: readonly (readonly [code: string, weight: number, words: readonly string[]])[];
}

export const FAMILIES: Record<IndustryFamily, FamilySpec> = {
  shoes: {
    weight: 20,
    patenting: 1.6,
    mix: { design: 0.66, utility: 0.28, invention: 0.06 },
    titles: ['footwear', 'materials', 'machinery', 'textile'],
    design: 'shoes',
    hitech: ['40303', '40306', '40304', '80504'],
    classes: [
      ['1951', 30, ['鞋业', '鞋服', '体育用品', '鞋材']],
      ['1952', 10, ['鞋业', '皮鞋']],
      ['1953', 12, ['鞋业', '鞋材', '塑胶']],
      ['1954', 6, ['鞋业', '橡胶']],
      ['1959', 20, ['鞋业', '鞋服', '轻工']],
      ['1922', 5, ['箱包', '包袋']],
      ['1929', 2, ['皮具']],
    ],
  },
  apparel: {
    weight: 14,
    patenting: 1.2,
    mix: { design: 0.6, utility: 0.33, invention: 0.07 },
    titles: ['footwear', 'textile', 'machinery'],
    design: 'apparel',
    hitech: ['40304', '50102', '80504'],
    classes: [
      ['1811', 20, ['服装', '服饰', '体育用品']],
      ['1819', 15, ['服装', '制衣']],
      ['1821', 18, ['服饰', '运动用品', '服装']],
      ['1829', 8, ['针织', '服装']],
      ['1830', 8, ['服饰', '织带']],
    ],
  },
  textile: {
    weight: 10,
    patenting: 1.0,
    mix: { design: 0.3, utility: 0.55, invention: 0.15 },
    titles: ['textile', 'materials', 'machinery'],
    design: 'fabric',
    hitech: ['40304', '40305', '70102', '80504'],
    classes: [
      ['1751', 15, ['纺织', '织造']],
      ['1752', 10, ['印染', '纺织科技']],
      ['1761', 18, ['针织', '纺织']],
      ['1762', 8, ['印染', '染整']],
      ['1763', 8, ['针织', '织品']],
      ['1713', 5, ['印染', '纺织']],
      ['1783', 6, ['织带', '纺织']],
      ['1781', 6, ['无纺布', '新材料']],
      ['1789', 4, ['纺织', '材料']],
    ],
  },
  food: {
    weight: 8,
    patenting: 0.9,
    mix: { design: 0.45, utility: 0.35, invention: 0.2 },
    titles: ['food', 'machinery', 'paper'],
    design: 'food',
    hitech: ['20602', '20604', '20605', '20606'],
    classes: [
      ['1419', 12, ['食品', '饼业']],
      ['1411', 10, ['食品', '糕点']],
      ['1421', 10, ['食品', '糖果']],
      ['1422', 6, ['食品', '蜜饯']],
      ['1432', 5, ['食品', '冷冻食品']],
      ['1439', 6, ['食品']],
      ['1369', 6, ['水产', '食品']],
      ['1361', 4, ['水产', '冷冻']],
      ['1373', 4, ['食品', '果业']],
      ['1492', 3, ['生物科技', '保健食品']],
      ['1499', 6, ['食品']],
      ['1462', 3, ['调味品', '酿造']],
    ],
  },
  building: {
    weight: 9,
    patenting: 0.8,
    mix: { design: 0.5, utility: 0.35, invention: 0.15 },
    titles: ['building', 'materials', 'machinery'],
    design: 'ceramics',
    hitech: ['40201', '40202', '40205', '60406'],
    classes: [
      ['3071', 30, ['陶瓷', '建材', '瓷业']],
      ['3072', 6, ['陶瓷', '卫浴']],
      ['3021', 6, ['建材', '水泥制品']],
      ['3032', 12, ['石业', '石材']],
      ['3024', 4, ['新型建材', '建材']],
      ['3074', 3, ['陶瓷']],
      ['3079', 3, ['陶瓷', '瓷业']],
    ],
  },
  paper: {
    weight: 4,
    patenting: 1.0,
    mix: { design: 0.4, utility: 0.42, invention: 0.18 },
    titles: ['paper', 'materials', 'machinery'],
    design: 'paper',
    hitech: ['40305', '70302', '80902'],
    classes: [
      ['2221', 15, ['纸业']],
      ['2223', 10, ['纸业', '纸品']],
      ['2231', 12, ['包装', '纸品']],
      ['2239', 12, ['纸品', '卫生用品']],
      ['2319', 5, ['印刷', '包装']],
    ],
  },
  ic: {
    weight: 2.5,
    patenting: 3.0,
    mix: { design: 0.05, utility: 0.45, invention: 0.5 },
    titles: ['electronics', 'materials', 'software'],
    design: 'electronics',
    hitech: ['10201', '10202', '10203', '10205', '40106', '80405'],
    classes: [
      ['3973', 6, ['集成电路', '半导体', '微电子']],
      ['3972', 4, ['半导体', '电子']],
      ['3976', 4, ['光电', '光电子']],
      ['3975', 4, ['光电', '照明科技']],
      ['3982', 6, ['电子', '电路']],
      ['3985', 4, ['电子材料', '新材料']],
      ['3989', 4, ['电子']],
      ['3562', 3, ['半导体设备', '装备']],
      ['6520', 4, ['微电子', '芯片设计']],
    ],
  },
  plastics: {
    weight: 5,
    patenting: 1.0,
    mix: { design: 0.35, utility: 0.5, invention: 0.15 },
    titles: ['materials', 'footwear', 'machinery'],
    design: 'shoes',
    hitech: ['40302', '40303', '40306'],
    classes: [
      ['2925', 8, ['合成革', '新材料']],
      ['2924', 6, ['塑胶', '鞋材']],
      ['2929', 10, ['塑胶', '塑料制品']],
      ['2919', 6, ['橡胶', '鞋材']],
      ['2927', 5, ['塑料制品', '日用品']],
      ['2651', 2, ['化工', '新材料']],
    ],
  },
  machinery: {
    weight: 6,
    patenting: 1.4,
    mix: { design: 0.12, utility: 0.68, invention: 0.2 },
    titles: ['machinery', 'electronics'],
    design: 'goods',
    hitech: ['80401', '80402', '80502', '80504'],
    classes: [
      ['3551', 10, ['机械', '纺织机械']],
      ['3552', 6, ['机械', '鞋机']],
      ['3523', 5, ['机械', '塑料机械']],
      ['3525', 8, ['模具']],
      ['3546', 4, ['机械', '陶瓷机械']],
      ['3531', 3, ['食品机械', '机械']],
      ['3484', 5, ['机械', '五金']],
      ['3491', 2, ['智能装备', '机器人']],
      ['3399', 4, ['五金', '金属制品']],
    ],
  },
  chemicals: {
    weight: 2,
    patenting: 1.2,
    mix: { design: 0.05, utility: 0.35, invention: 0.6 },
    titles: ['materials', 'textile'],
    design: 'goods',
    hitech: ['40501', '40504', '40301'],
    classes: [
      ['2641', 4, ['涂料', '化工']],
      ['2661', 5, ['化工', '助剂']],
      ['2645', 3, ['染料', '化工']],
      ['2822', 4, ['化纤', '纤维']],
      ['2826', 2, ['化纤', '氨纶']],
    ],
  },
  other_mfg: {
    weight: 3.5,
    patenting: 1.0,
    mix: { design: 0.55, utility: 0.38, invention: 0.07 },
    titles: ['machinery', 'materials', 'footwear'],
    design: 'goods',
    hitech: ['40306', '50102'],
    classes: [
      ['4190', 6, ['制造', '拉链', '服装辅料']],
      ['2442', 4, ['体育用品', '运动器材']],
      ['2449', 4, ['体育用品']],
      ['2439', 4, ['工艺品', '礼品']],
      ['4119', 4, ['日用品', '伞业']],
      ['2452', 2, ['玩具']],
    ],
  },
  energy: {
    weight: 1.5,
    patenting: 2.0,
    mix: { design: 0.05, utility: 0.55, invention: 0.4 },
    titles: ['energy', 'electronics', 'materials'],
    design: 'electronics',
    hitech: ['60101', '60301', '60302', '40204'],
    classes: [
      ['3825', 5, ['光伏', '新能源']],
      ['3841', 3, ['新能源', '电池']],
      ['3872', 3, ['照明', '光电']],
      ['3091', 2, ['新材料', '碳材料']],
    ],
  },
  trade: {
    weight: 9,
    patenting: 0.15,
    mix: { design: 0.7, utility: 0.28, invention: 0.02 },
    titles: ['footwear', 'software'],
    design: 'goods',
    hitech: ['50601'],
    classes: [
      ['5132', 6, ['贸易', '服装']],
      ['5133', 6, ['贸易', '鞋业']],
      ['5131', 4, ['贸易', '纺织品']],
      ['5165', 3, ['建材', '贸易']],
      ['5292', 8, ['电子商务', '网络科技']],
      ['5181', 4, ['进出口', '贸易']],
    ],
  },
  software: {
    weight: 3,
    patenting: 0.8,
    mix: { design: 0.05, utility: 0.35, invention: 0.6 },
    titles: ['software', 'electronics'],
    design: 'electronics',
    hitech: ['10109', '10110', '10111', '10107', '50301'],
    classes: [
      ['6513', 8, ['信息科技', '软件', '网络科技']],
      ['6531', 6, ['信息技术', '智能科技']],
      ['6532', 3, ['物联网科技', '智能科技']],
      ['6550', 2, ['数据科技', '信息技术']],
    ],
  },
  services: {
    weight: 2,
    patenting: 0.4,
    mix: { design: 0.2, utility: 0.5, invention: 0.3 },
    titles: ['machinery', 'software', 'materials'],
    design: 'goods',
    hitech: ['50101', '50102', '50201', '50202'],
    classes: [
      ['7491', 4, ['设计', '工业设计']],
      ['7452', 3, ['检测', '检测技术']],
      ['7520', 3, ['知识产权', '专利代理']],
      ['7530', 2, ['科技服务', '技术转移']],
      ['7540', 1, ['众创空间', '创业服务']],
    ],
  },
};

/** Town-specific multipliers of the family weights (the clusters of each town). */
export const TOWN_BIAS: Record<string, Partial<Record<IndustryFamily, number>>> = {
  '350582103': { shoes: 3, plastics: 2, machinery: 1.5 }, // 陈埭镇: the shoe capital and its suppliers
  '350582102': { building: 6 }, // 磁灶镇: ceramics
  '350582112': { apparel: 3, textile: 1.5 }, // 英林镇: casual wear
  '350582105': { apparel: 2.5, other_mfg: 2, food: 1.5 }, // 深沪镇: garments, zips, seafood
  '350582109': { shoes: 2, food: 1.5 }, // 内坑镇
  '350582101': { food: 2, paper: 2.5, apparel: 1.2 }, // 安海镇: food and hygiene paper
  '350582104': { paper: 2, other_mfg: 2, ic: 1.5 }, // 东石镇: umbrellas, paper
  '350582110': { food: 2, textile: 2, apparel: 1.5 }, // 龙湖镇
  '350582111': { building: 2, shoes: 1.2 }, // 永和镇: stone
  '350582107': { shoes: 1.5, trade: 1.5 }, // 池店镇
  '350582106': { food: 1.5, apparel: 1.2 }, // 金井镇
  '350582401': { food: 2, ic: 4, machinery: 1.5, energy: 2 }, // 经济开发区
  '350582402': { ic: 4, trade: 2 }, // 综合保税区
  '350582400': { machinery: 1.5, paper: 1.5 }, // 安平开发区
  '350582001': { trade: 3, software: 3, services: 3 }, // 青阳街道
  '350582002': { trade: 3, software: 2.5, services: 2.5 }, // 梅岭街道
  '350582003': { trade: 2, software: 2, services: 2 }, // 西园街道
  '350582004': { trade: 2, software: 2, services: 2 }, // 罗山街道
  '350582005': { trade: 1.5, shoes: 1.2 }, // 新塘街道
  '350582006': { trade: 1.5, textile: 1.2 }, // 灵源街道
};

/** Share of the county's enterprises registered in each town, street or zone (by code). */
export const TOWN_WEIGHTS: Record<string, number> = {
  '350582001': 3,
  '350582002': 3,
  '350582003': 3,
  '350582004': 4,
  '350582005': 3,
  '350582006': 3,
  '350582101': 8,
  '350582102': 7,
  '350582103': 12,
  '350582104': 5,
  '350582105': 5,
  '350582106': 4,
  '350582107': 6,
  '350582109': 5,
  '350582110': 6,
  '350582111': 4,
  '350582112': 5,
  '350582113': 2,
  '350582114': 2,
  '350582400': 3,
  '350582401': 6,
  '350582402': 1,
};

/** The 集成电路 chain segment of an IC-family 小类. */
export const IC_SEGMENT: Record<string, string> = {
  '6520': '设计',
  '3973': '制造',
  '3972': '封测',
  '3976': '封测',
  '3975': '封测',
  '3982': '封测',
  '3989': '封测',
  '3985': '材料',
  '3562': '装备',
};
