/**
 * Titles for generated patents. Inventions and utility models reuse real Chinese patent titles with their IPC
 * main groups (`reference/cn-patent-titles.csv`, see its SOURCE note), grouped by title family; a generated
 * patent takes a title of its applicant's families. Design patents carry no IPC (they are classified by Locarno,
 * which the registry does not store): their titles are product names with a model mark, as designs are filed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvRecords } from '@jinke/core/registry/csv.ts';
import type { DesignFamily, TitleFamily } from './industries.data.ts';
import type { Rng } from './rng.ts';

export const PATENT_TITLES_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'reference',
  'cn-patent-titles.csv',
);

export interface SourceTitle {
  title: string;
  /** IPC main groups written `A43B 13/00`, the first being the main classification. */
  ipc: string[];
}

export type TitleKind = 'invention' | 'utility';

export type TitleBook = Map<TitleFamily, Record<TitleKind, SourceTitle[]>>;

const FAMILY_NAMES: readonly TitleFamily[] = [
  'footwear',
  'textile',
  'food',
  'building',
  'paper',
  'electronics',
  'materials',
  'energy',
  'software',
  'machinery',
];

let book: TitleBook | null = null;

/** Reads the shipped title table once per process. CN…A/CN…B publications are inventions, CN…U utility models. */
export function titleBook(): TitleBook {
  if (book) return book;
  const records = readCsvRecords(fs.readFileSync(PATENT_TITLES_FILE, 'utf8'), [
    'publication_number',
    'title',
    'ipc',
    'family',
  ] as const);
  const out: TitleBook = new Map(FAMILY_NAMES.map((f) => [f, { invention: [], utility: [] }]));
  for (const r of records) {
    const family = out.get(r.family as TitleFamily);
    if (!family) throw new Error(`unknown title family "${r.family}" in ${PATENT_TITLES_FILE}`);
    const kind: TitleKind = r.publication_number.endsWith('U') ? 'utility' : 'invention';
    family[kind].push({ title: r.title, ipc: r.ipc.split('|') });
  }
  for (const [name, lists] of out) {
    if (lists.invention.length === 0 || lists.utility.length === 0)
      throw new Error(`title family ${name} lacks inventions or utility models`);
  }
  book = out;
  return out;
}

const DESIGN_PRODUCTS: Record<DesignFamily, readonly string[]> = {
  shoes: [
    '运动鞋',
    '休闲鞋',
    '跑鞋',
    '篮球鞋',
    '童鞋',
    '凉鞋',
    '拖鞋',
    '板鞋',
    '登山鞋',
    '帆布鞋',
    '足球鞋',
    '女鞋',
    '男鞋',
    '鞋底',
    '鞋底',
    '鞋底',
    '鞋面',
    '鞋垫',
    '鞋跟',
    '鞋扣',
    '鞋盒',
  ],
  apparel: [
    '服装',
    '运动服',
    '上衣',
    'T恤',
    '夹克',
    '卫衣',
    '运动裤',
    '羽绒服',
    '童装',
    '连衣裙',
    '背包',
    '帽子',
    '袜子',
    '服装吊牌',
    '领口装饰件',
  ],
  fabric: ['面料', '印花面料', '提花面料', '织带', '花边', '针织布', '布料（印花）', '网布'],
  food: [
    '食品包装袋',
    '食品包装盒',
    '饼干',
    '糖果',
    '果冻杯',
    '包装罐',
    '礼盒',
    '饮料瓶',
    '食品标贴',
    '糕点',
  ],
  ceramics: [
    '瓷砖',
    '地砖',
    '墙砖',
    '仿古砖',
    '抛釉砖',
    '浴室柜',
    '坐便器',
    '洗手盆',
    '陶瓷花瓶',
    '石材拼花',
  ],
  paper: [
    '纸巾盒',
    '卫生纸（压花）',
    '包装盒',
    '纸袋',
    '纸杯',
    '湿巾包装袋',
    '纸尿裤',
    '卫生巾包装袋',
    '抽纸包装',
  ],
  electronics: [
    '芯片测试座',
    'LED灯',
    '灯具',
    '控制器',
    '路由器',
    '显示屏',
    '充电器',
    '移动电源',
    '光伏支架',
    '智能终端',
  ],
  goods: [
    '拉链头',
    '拉链',
    '雨伞',
    '伞柄',
    '包装盒',
    '标签',
    '玩具',
    '健身器',
    '运动护具',
    '水杯',
    '收纳盒',
    '手提袋',
    '球拍',
  ],
};

const MODEL_LETTERS = 'ABCDEFGHJKLMNPRSTXYZ';

export interface DesignTitle {
  product: string;
  /** The model mark in the title's brackets, or null. */
  model: string | null;
  title: string;
}

/** A design title such as 运动鞋（XZ-1738） or 鞋底（2017-35）; a quarter carry no mark. */
export function designTitle(rng: Rng, family: DesignFamily, year: number): DesignTitle {
  const product = rng.pick(DESIGN_PRODUCTS[family]);
  if (product.includes('（') || rng.chance(0.25)) return { product, model: null, title: product };
  const u = rng.next();
  const model =
    u < 0.45
      ? `${rng.pick([...MODEL_LETTERS])}${rng.pick([...MODEL_LETTERS])}-${rng.int(1000, 9999)}`
      : u < 0.75
        ? `${year}-${rng.int(1, 120)}`
        : `${rng.pick([...MODEL_LETTERS])}${rng.int(1, 99)}`;
  return { product, model, title: `${product}（${model}）` };
}
