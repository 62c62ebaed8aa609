/**
 * The programme kinds the bureau runs, as data: each takes the standard call flow (core/src/workflow/standard-call.ts)
 * under its own key, with one more applicant action — withdrawing a submitted application before the formal check
 * accepts it — and its application form. The registry pre-fills the common fields (enterprise, figures, patents,
 * qualifications); each kind adds its own.
 */
import { APPLICANT, type WorkflowDefinitionInput } from '../workflow/definition.contract.ts';
import { standardCall } from '../workflow/standard-call.ts';
import { programmeKindLabels, type ProgrammeKind } from './api.contract.ts';
import type { FormField, FormSchema } from './form-schema.ts';

const f = (zh: string, en: string) => ({ zh, en });

/** The fields the registry fills in, in every form. */
export const prefilledFields: Record<string, FormField> = {
  enterpriseName: { type: 'string', title: f('单位名称', 'Enterprise name'), maxLength: 200 },
  uscc: {
    type: 'string',
    title: f('统一社会信用代码', 'Unified social credit code'),
    pattern: '^[0-9A-Z]{18}$',
  },
  town: { type: 'string', title: f('所在镇（街道）', 'Town'), maxLength: 100 },
  industry: { type: 'string', title: f('行业代码', 'Industry code'), maxLength: 20 },
  figuresYear: {
    type: 'integer',
    title: f('财务数据年度', 'Year of the figures'),
    minimum: 1980,
    maximum: 2100,
  },
  revenueWan: { type: 'number', title: f('营业收入（万元）', 'Revenue (10k yuan)'), minimum: 0 },
  rdWan: { type: 'number', title: f('研发费用（万元）', 'R&D spending (10k yuan)'), minimum: 0 },
  inventionPatents: { type: 'integer', title: f('有效发明专利数', 'Valid invention patents'), minimum: 0 },
  qualifications: {
    type: 'string',
    title: f('已获资质', 'Qualifications held'),
    maxLength: 1000,
    multiline: true,
  },
};

const contact: Record<string, FormField> = {
  contactName: { type: 'string', title: f('联系人', 'Contact person'), minLength: 2, maxLength: 40 },
  contactPhone: { type: 'string', title: f('联系电话', 'Contact phone'), pattern: '^[0-9-]{7,20}$' },
};

const project: Record<string, FormField> = {
  projectTitle: { type: 'string', title: f('项目名称', 'Project title'), minLength: 4, maxLength: 100 },
  summary: {
    type: 'string',
    title: f('项目简介', 'Summary'),
    minLength: 20,
    maxLength: 2000,
    multiline: true,
  },
  requestedWan: {
    type: 'number',
    title: f('申请资金（万元）', 'Funding requested (10k yuan)'),
    minimum: 0,
    maximum: 1000,
  },
};

function form(extra: Record<string, FormField>, required: string[]): FormSchema {
  const properties = { ...prefilledFields, ...extra, ...contact };
  return {
    type: 'object',
    properties,
    required: ['enterpriseName', 'uscc', ...required, 'contactName', 'contactPhone'],
    order: Object.keys(properties),
  };
}

const kindForms: Record<ProgrammeKind, FormSchema> = {
  science_plan: form(
    {
      ...project,
      level: { type: 'string', title: f('项目层级', 'Level'), enum: ['省级', '泉州市级', '晋江市级'] },
    },
    ['projectTitle', 'summary', 'level', 'requestedWan'],
  ),
  innovation_award: form(
    {
      projectTitle: project.projectTitle!,
      achievement: {
        type: 'string',
        title: f('创新成果', 'Achievement'),
        minLength: 20,
        maxLength: 2000,
        multiline: true,
      },
    },
    ['projectTitle', 'achievement'],
  ),
  patent_subsidy: form(
    {
      patentNumbers: {
        type: 'string',
        title: f('申请资助的专利号', 'Patent numbers'),
        minLength: 5,
        maxLength: 2000,
        multiline: true,
      },
      patentCount: { type: 'integer', title: f('专利件数', 'Number of patents'), minimum: 1, maximum: 500 },
    },
    ['patentNumbers', 'patentCount'],
  ),
  patent_industrialisation: form(
    {
      ...project,
      patentNumber: {
        type: 'string',
        title: f('实施专利号', 'Patent implemented'),
        minLength: 5,
        maxLength: 40,
      },
    },
    ['projectTitle', 'summary', 'patentNumber', 'requestedWan'],
  ),
  super_deduction: form(
    {
      projectTitle: project.projectTitle!,
      projectCount: {
        type: 'integer',
        title: f('鉴定项目数', 'Projects to appraise'),
        minimum: 1,
        maximum: 100,
      },
      rdSpendWan: {
        type: 'number',
        title: f('项目研发投入（万元）', 'R&D spending on the projects (10k yuan)'),
        minimum: 0,
      },
    },
    ['projectTitle', 'projectCount', 'rdSpendWan'],
  ),
  talent_team: form(
    {
      teamName: { type: 'string', title: f('团队名称', 'Team name'), minLength: 2, maxLength: 100 },
      leaderName: { type: 'string', title: f('团队带头人', 'Team leader'), minLength: 2, maxLength: 40 },
      programme: { type: 'string', title: f('计划类别', 'Programme'), enum: ['海峡计划', '创客天使计划'] },
      summary: project.summary!,
    },
    ['teamName', 'leaderName', 'programme', 'summary'],
  ),
  contest: form(
    {
      projectTitle: project.projectTitle!,
      track: { type: 'string', title: f('参赛组别', 'Track'), enum: ['企业组', '团队组'] },
      summary: project.summary!,
    },
    ['projectTitle', 'track', 'summary'],
  ),
};

/** The standard flow under the kind's key, with withdrawal allowed until the formal check accepts. */
export function programmeWorkflow(kind: ProgrammeKind): WorkflowDefinitionInput {
  return {
    ...standardCall,
    key: kind.replaceAll('_', '-'),
    version: 1,
    name: programmeKindLabels[kind],
    transitions: [
      ...standardCall.transitions,
      {
        id: 'withdraw_pending',
        from: 'formal_check',
        to: 'withdrawn',
        label: { zh: '撤回申报', en: 'Withdraw' },
        by: [APPLICANT],
      },
    ],
  };
}

export interface ProgrammeDefinitionInput {
  kind: ProgrammeKind;
  name: { zh: string; en: string };
  workflow: WorkflowDefinitionInput;
  formSchema: FormSchema;
}

export const programmeDefinitions: ProgrammeDefinitionInput[] = (
  Object.keys(kindForms) as ProgrammeKind[]
).map((kind) => ({
  kind,
  name: programmeKindLabels[kind],
  workflow: programmeWorkflow(kind),
  formSchema: kindForms[kind],
}));
