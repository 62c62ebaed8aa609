import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../workflow/engine.ts';
import { programmeKinds } from './api.contract.ts';
import { programmeDefinitions } from './definitions.ts';
import { formFields, formSchema, validateForm, type FormSchema } from './form-schema.ts';

const schema: FormSchema = formSchema.parse({
  type: 'object',
  properties: {
    title: { type: 'string', title: { zh: '项目名称', en: 'Title' }, minLength: 4, maxLength: 10 },
    phone: { type: 'string', title: { zh: '电话', en: 'Phone' }, pattern: '^[0-9-]{7,20}$' },
    level: { type: 'string', title: { zh: '层级', en: 'Level' }, enum: ['省级', '市级'] },
    count: { type: 'integer', title: { zh: '件数', en: 'Count' }, minimum: 1, maximum: 5 },
    amount: { type: 'number', title: { zh: '金额', en: 'Amount' }, minimum: 0 },
    agreed: { type: 'boolean', title: { zh: '承诺', en: 'Agreed' } },
  },
  required: ['title', 'level'],
  order: ['level', 'title'],
});

const problems = (data: Record<string, unknown>) =>
  validateForm(schema, data).map((p) => [p.field, p.rule, p.zh, p.en]);

describe('validateForm', () => {
  it('accepts a valid form and leaves optional fields empty', () => {
    expect(validateForm(schema, { title: '智能装备研发', level: '市级', phone: '' })).toEqual([]);
  });

  it('names each field with its rule, in display order, in both languages', () => {
    expect(formFields(schema).map(([k]) => k)).toEqual([
      'level',
      'title',
      'phone',
      'count',
      'amount',
      'agreed',
    ]);
    expect(
      problems({ title: '智能', phone: 'abc', count: 2.5, amount: -1, agreed: 'yes', extra: 1 }),
    ).toEqual([
      ['extra', 'unknown', '不是本表的栏目', 'is not a field of this form'],
      ['level', 'required', '层级为必填项', 'Level is required'],
      ['title', 'minLength', '项目名称至少 4 个字', 'Title must have at least 4 characters'],
      ['phone', 'pattern', '电话格式不正确', 'Phone is not in the expected format'],
      ['count', 'type', '件数应为整数', 'Count must be a whole number'],
      ['amount', 'minimum', '金额不能小于 0', 'Amount must be at least 0'],
      ['agreed', 'type', '承诺应为是或否', 'Agreed must be yes or no'],
    ]);
    expect(problems({ title: '一二三四五六七八九十十一', level: '县级', count: 6 })).toEqual([
      ['level', 'enum', '层级应为以下之一：省级、市级', 'Level must be one of: 省级, 市级'],
      ['title', 'maxLength', '项目名称不能超过 10 个字', 'Title must have at most 10 characters'],
      ['count', 'maximum', '件数不能大于 5', 'Count must be at most 5'],
    ]);
  });
});

describe('the shipped programme definitions', () => {
  it('cover every kind, and each workflow and form passes its checks', () => {
    expect(programmeDefinitions.map((d) => d.kind)).toEqual([...programmeKinds]);
    for (const d of programmeDefinitions) {
      expect(checkDefinition(d.workflow).ok, d.kind).toBe(true);
      expect(formSchema.safeParse(d.formSchema).success, d.kind).toBe(true);
      expect(
        d.formSchema.required.every((k) => k in d.formSchema.properties),
        d.kind,
      ).toBe(true);
    }
  });

  it('let the applicant withdraw until the formal check accepts', () => {
    const flow = programmeDefinitions[0]!.workflow;
    expect(flow.transitions.filter((t) => t.to === 'withdrawn').map((t) => t.from)).toEqual([
      'draft',
      'correction',
      'formal_check',
    ]);
  });
});
