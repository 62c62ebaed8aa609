import { describe, expect, it } from 'vitest';
import {
  createEntryRequest,
  createProjectRequest,
  entryProblems,
  parseLedgerMonth,
  projectProblems,
  type ProjectValues,
} from './ledger.contract.ts';
import { ledgerEntryRow, ledgerProjectRow } from './ledger-sheet.contract.ts';

const own: ProjectValues = {
  code: 'RD01',
  name: '研发项目',
  kind: 'own',
  startsOn: '2023-03-15',
  endsOn: '2023-12-31',
  capitalised: false,
  payeeType: null,
  relatedParty: false,
  contractRegistered: null,
  contractor: null,
  note: null,
};

const rules = (problems: { field: string; rule: string }[]) => problems.map((p) => `${p.field}:${p.rule}`);

describe('ledger months', () => {
  it('reads YYYY-MM from 2008 on and nothing else', () => {
    expect(parseLedgerMonth('2023-03')).toEqual({ year: 2023, month: 3 });
    expect(parseLedgerMonth('2008-01')).toEqual({ year: 2008, month: 1 });
    for (const bad of ['2007-12', '2023-13', '2023-00', '2023-3', '202303', '2023-03-01'])
      expect(parseLedgerMonth(bad)).toBeNull();
  });
});

describe('project checks', () => {
  it('accepts an in-house project and refuses an end before its start', () => {
    expect(projectProblems(own)).toEqual([]);
    expect(rules(projectProblems({ ...own, endsOn: '2023-03-14' }))).toEqual(['endsOn:date_order']);
  });

  it('asks entrusted projects who the contractor is, and overseas ones whether the contract is registered', () => {
    expect(rules(projectProblems({ ...own, kind: 'entrusted_domestic' }))).toEqual(['payeeType:payee_required']);
    expect(rules(projectProblems({ ...own, kind: 'entrusted_overseas', payeeType: 'organisation' }))).toEqual([
      'contractRegistered:registration_required',
    ]);
    expect(
      rules(projectProblems({ ...own, payeeType: 'individual', relatedParty: true, contractRegistered: true })),
    ).toEqual([
      'payeeType:payee_not_entrusted',
      'relatedParty:related_not_entrusted',
      'contractRegistered:registration_overseas_only',
    ]);
  });

  it('names the field of a cross-field problem in the request schema', () => {
    const parsed = createProjectRequest.safeParse({ ...own, kind: 'entrusted_domestic' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['payeeType']);
  });
});

describe('entry checks against the project', () => {
  const at = (month: number, year = 2023) => ({ year, month, category: 'staff' as const, nonTaxable: false });

  it('takes the months the project touches, its first and last month included', () => {
    expect(entryProblems(own, at(3))).toEqual([]);
    expect(entryProblems(own, at(12))).toEqual([]);
    expect(rules(entryProblems(own, at(2)))).toEqual(['month:month_outside_project']);
    expect(rules(entryProblems(own, at(1, 2024)))).toEqual(['month:month_outside_project']);
    expect(entryProblems({ ...own, endsOn: null }, at(1, 2030))).toEqual([]);
  });

  it('keeps entrusted amounts in entrusted projects and in-house costs out of them', () => {
    const entrusted = { ...own, kind: 'entrusted_domestic' as const };
    expect(rules(entryProblems(entrusted, at(5)))).toEqual(['category:category_not_for_kind']);
    expect(entryProblems(entrusted, { ...at(5), category: 'entrusted' })).toEqual([]);
    expect(entryProblems(entrusted, { ...at(5), category: 'subsidy_netted' })).toEqual([]);
    expect(rules(entryProblems(own, { ...at(5), category: 'entrusted' }))).toEqual(['category:category_not_for_kind']);
  });

  it('refuses the fiscal-funds flag on an adjustment', () => {
    expect(rules(entryProblems(own, { ...at(5), category: 'special_income', nonTaxable: true }))).toEqual([
      'nonTaxable:flag_on_adjustment',
    ]);
  });

  it('refuses a negative amount and an unknown category, naming each field', () => {
    const parsed = createEntryRequest.safeParse({
      projectId: '0b7a3c9e-2f4d-4c1b-9e8a-6d5f4e3c2b1a',
      month: '2023-05',
      category: 'lunch',
      amountFen: -1,
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['category', 'amountFen']);
  });
});

describe('ledger workbook rows', () => {
  it('reads months, categories by short name, key or full title, and amounts in 元', () => {
    const row = ledgerEntryRow.parse({
      projectCode: 'RD01',
      month: '2023年3月',
      category: '人员人工',
      amount: '85,000.10',
      nonTaxable: '否',
    });
    expect(row).toMatchObject({ month: '2023-03', category: 'staff', amount: 8_500_010, nonTaxable: false });
    expect(ledgerEntryRow.parse({ projectCode: 'X', month: '2023-03-01', category: 'direct_inputs', amount: '1' }))
      .toMatchObject({ month: '2023-03', category: 'direct_inputs', amount: 100 });
    expect(
      ledgerEntryRow.parse({ projectCode: 'X', month: '202312', category: '委托外部研究开发费用（实际支付额）', amount: '1万元' }),
    ).toMatchObject({ month: '2023-12', category: 'entrusted', amount: 1_000_000 });
  });

  it('names each bad cell with its rule', () => {
    const parsed = ledgerEntryRow.safeParse({ projectCode: 'RD 01', month: '2007-12', category: '午餐', amount: '-5' });
    expect(
      parsed.error?.issues.map((i) => `${i.path.join('.')}:${(i as { params?: { rule?: string } }).params?.rule}`),
    ).toEqual(['projectCode:code_format', 'month:month_format', 'category:choice_unknown', 'amount:money_negative']);
  });

  it('reads a project row with its kind in Chinese', () => {
    expect(
      ledgerProjectRow.parse({
        code: 'E1',
        name: '委托开发',
        kind: '委托境外研发',
        startsOn: '2023/1/1',
        payeeType: '机构',
        contractRegistered: '是',
      }),
    ).toMatchObject({ kind: 'entrusted_overseas', startsOn: '2023-01-01', payeeType: 'organisation', contractRegistered: true });
  });
});
