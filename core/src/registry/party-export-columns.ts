/**
 * Export columns of the registry's parties (talents and startup teams, carriers, banks and investors). These kinds
 * have no import template; their exports use the same header layout as the other registry workbooks (Chinese
 * header, the English key in the hidden second row) and name kinds by their Chinese names.
 */
import { importCells as c } from './import-cells.ts';
import { carrierKindNames } from './parties.contract.ts';
import { type SheetColumn, column, specsOf } from './sheet-columns.ts';

export const talentKindChoices = { talent: '人才', team: '创业团队' } as const;

export const carrierKindChoices = {
  maker_space: carrierKindNames.maker_space.zh,
  incubator: carrierKindNames.incubator.zh,
  accelerator: carrierKindNames.accelerator.zh,
  star_space: carrierKindNames.star_space.zh,
  tech_service: carrierKindNames.tech_service.zh,
} as const;

export const bankKindChoices = { bank: '银行', investor: '投资机构', guarantor: '担保机构' } as const;

const TOWN_NOTE = { zh: '镇（街道、园区）名称', en: 'the town, street or zone name' };

const talentColumnDefs = {
  kind: column('类别', 'Kind', c.choice(talentKindChoices), { required: true, example: '创业团队' }),
  name: column('姓名或团队名称', 'Name', c.text(200), {
    required: true,
    example: '石墨烯功能材料创业团队',
    width: 28,
  }),
  leaderName: column('团队带头人', 'Team leader', c.text(100), { example: '陈某' }),
  enterprise: column('所在企业', 'Enterprise', c.text(200), { example: '晋江市示例科技有限公司', width: 28 }),
  enterpriseUscc: column('所在企业统一社会信用代码', 'Enterprise credit code', c.uscc, {
    example: '91350582MA8RFY385R',
    width: 24,
  }),
  programme: column('入选计划', 'Programme', c.text(200), { example: '泉州市高层次人才团队', width: 24 }),
  year: column('入选年度', 'Year', c.integer(1980, 2100), { example: '2017' }),
  field: column('领域', 'Field', c.text(100), { example: '新材料', width: 16 }),
};

const carrierColumnDefs = {
  code: column('载体编号', 'Carrier code', c.text(64), { required: true, example: 'PRV-0001' }),
  name: column('载体名称', 'Name', c.text(200), { required: true, example: '晋江市示例众创空间', width: 28 }),
  kind: column('载体类型', 'Kind', c.choice(carrierKindChoices), {
    required: true,
    example: '众创空间',
    width: 16,
  }),
  operatorUscc: column('运营主体统一社会信用代码', 'Operator credit code', c.uscc, {
    example: '91350582MA8RFY385R',
    width: 24,
  }),
  townCode: column('所在镇（街道）', 'Town', c.town, { example: '安海镇', note: TOWN_NOTE, width: 16 }),
  areaM2: column('场地面积（平方米）', 'Area (m²)', c.area, { example: '3200.50', width: 18 }),
  tenants: column('在孵（入驻）企业数', 'Tenants', c.integer(0, 100_000), { example: '42', width: 18 }),
};

const bankColumnDefs = {
  code: column('机构编号', 'Code', c.text(64), { required: true, example: 'BANK-0001' }),
  name: column('机构名称', 'Name', c.text(200), { required: true, example: '示例银行晋江支行', width: 28 }),
  kind: column('机构类型', 'Kind', c.choice(bankKindChoices), { required: true, example: '银行' }),
  uscc: column('统一社会信用代码', 'Unified social credit code', c.uscc, {
    example: '91350582MA8RFY385R',
    width: 22,
  }),
};

export const partyExportColumns: Record<'talents' | 'carriers' | 'banks', SheetColumn[]> = {
  talents: specsOf(talentColumnDefs),
  carriers: specsOf(carrierColumnDefs),
  banks: specsOf(bankColumnDefs),
};
