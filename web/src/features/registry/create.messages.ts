/** Texts of the forms that register an enterprise, a patent, an expert or an institute, and of their pickers. */
import type { Text } from '../../app/i18n.tsx';

export const createText = {
  enterpriseTitle: { zh: '登记企业', en: 'Register an enterprise' },
  patentTitle: { zh: '登记专利', en: 'Register a patent' },
  expertTitle: { zh: '新增专家', en: 'Add an expert' },
  instituteTitle: { zh: '登记科研机构或平台', en: 'Register an institute or platform' },
  submit: { zh: '登记', en: 'Register' },
  created: { zh: '已登记“{name}”', en: '“{name}” registered' },
  required: { zh: '必填', en: 'Required' },
  conflictTitle: { zh: '该记录已登记', en: 'Already registered' },
  openExisting: { zh: '打开已登记的“{name}”', en: 'Open the registered “{name}”' },

  // pickers
  ipcPlaceholder: {
    zh: '输入 IPC 分类号后回车，如 A43B 13/04',
    en: 'Type an IPC symbol and press Enter, e.g. A43B 13/04',
  },
  typeToSearch: { zh: '输入名称搜索主体库', en: 'Type a name to search the registry' },
  noMatch: { zh: '主体库中没有匹配的记录', en: 'No record of the registry matches' },
  byNameOnly: { zh: '不在主体库中，按名称登记：{name}', en: 'Not in the registry; record by name: {name}' },

  // patent
  typeHint: {
    zh: '可不填：按申请号的种类号确定；填写时须与申请号一致',
    en: 'Optional: the application number’s type digit gives it; if given, it must agree',
  },
  statusHint: {
    zh: '可不填：按授权公告日、权利终止日推定',
    en: 'Optional: derived from the grant and lapse dates',
  },
  patentTownHint: {
    zh: '可不填：取第一个在本市登记的申请人所在镇（街道）',
    en: 'Optional: the town of the first applicant registered in the county',
  },
  applicantsHint: {
    zh: '按申请文件的顺序填写。企业和机构请从主体库中选择，以便在企业档案中显示该专利。',
    en: 'In the order of the application. Choose enterprises and institutes from the registry so the patent shows on their records.',
  },
  holderEnterprise: { zh: '企业', en: 'Enterprise' },
  holderInstitute: { zh: '科研机构', en: 'Institute' },
  holderPerson: { zh: '个人', en: 'Person' },
  searchEnterprise: { zh: '输入企业名称搜索', en: 'Search enterprises by name' },
  searchInstitute: { zh: '输入机构名称搜索', en: 'Search institutes by name' },
  personName: { zh: '姓名', en: 'Name' },
  applicantMissing: { zh: '请选择或填写申请人', en: 'Choose or name the applicant' },
  addApplicant: { zh: '添加申请人', en: 'Add an applicant' },

  // expert
  expertCodeHint: {
    zh: '可不填：系统按 EXP-0001 起依次编号',
    en: 'Optional: numbered EXP-0001 onwards when left empty',
  },
  ipcClassesHint: {
    zh: '可填到部、大类或小类，如 A43B',
    en: 'A section, class or subclass will do, e.g. A43B',
  },
} satisfies Record<string, Text>;
