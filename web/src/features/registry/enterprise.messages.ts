/** Texts of an enterprise's detail: tabs, profile with provenance, pending changes, yearly figures and the forms. */
import type { Text } from '../../app/i18n.tsx';

export const enterpriseText = {
  tabProfile: { zh: '基本信息', en: 'Profile' },
  tabYears: { zh: '年度数据', en: 'Yearly figures' },
  tabQualifications: { zh: '资质', en: 'Qualifications' },
  tabPatents: { zh: '专利', en: 'Patents' },
  tabRelations: { zh: '荣誉与合作', en: 'Honours and cooperation' },
  tabHistory: { zh: '变更历史', en: 'History' },
  myEnterprise: { zh: '我的企业', en: 'My enterprise' },
  noOwnEnterprise: {
    zh: '未找到您账号对应的企业（统一社会信用代码 {uscc}）。请联系科技局核对账号范围。',
    en: 'No enterprise matches your account (credit code {uscc}). Ask the bureau to check your account’s scope.',
  },

  // profile
  editProfile: { zh: '修改信息', en: 'Edit profile' },
  editSelf: { zh: '修改本企业信息', en: 'Edit our profile' },
  revealContact: { zh: '显示完整号码', en: 'Show the full number' },
  revealHint: {
    zh: '查看完整联系电话将记入审计日志',
    en: 'Showing the full number is recorded in the audit log',
  },
  verify: { zh: '核实', en: 'Verify' },
  verifyHint: { zh: '确认该字段当前值准确无误', en: 'Confirm that the recorded value is right' },
  verified: { zh: '已核实', en: 'Verified' },
  verifiedBy: { zh: '{name} 于 {time} 核实', en: 'Verified by {name} on {time}' },
  recordedBy: { zh: '{source}：{name}，{time}', en: '{source}: {name}, {time}' },
  fieldVerified: { zh: '已核实“{field}”', en: '“{field}” verified' },
  pendingTitle: { zh: '待核实的变更', en: 'Changes awaiting verification' },
  pendingTag: { zh: '待核实', en: 'Awaiting verification' },
  pendingValue: { zh: '待核实：{value}', en: 'Awaiting verification: {value}' },
  pendingField: { zh: '字段', en: 'Field' },
  pendingOld: { zh: '原值', en: 'Recorded' },
  pendingNew: { zh: '申报值', en: 'Proposed' },
  pendingBy: { zh: '提交人', en: 'Submitted by' },
  pendingAt: { zh: '提交时间', en: 'Submitted' },
  approve: { zh: '核实通过', en: 'Verify' },
  reject: { zh: '驳回', en: 'Reject' },
  rejectTitle: { zh: '驳回变更：{field}', en: 'Reject the change: {field}' },
  rejectReason: { zh: '驳回理由', en: 'Reason' },
  rejectReasonRequired: { zh: '请填写驳回理由', en: 'Give a reason' },
  decided: { zh: '已处理', en: 'Decided' },

  // edit form
  editTitle: { zh: '修改企业信息', en: 'Edit the enterprise' },
  needsVerification: { zh: '待核实', en: 'Verified first' },
  selfNote: {
    zh: '标注“待核实”的字段提交后须经科技局核实才生效，其余字段立即生效。',
    en: 'Fields marked “Verified first” take effect once the bureau verifies them; the others apply at once.',
  },
  phoneKeep: { zh: '当前：{phone}。不修改请留空', en: 'Now: {phone}. Leave empty to keep it' },
  moneyUnit: { zh: '万元', en: '×10,000 yuan' },
  savedSelf: {
    zh: '已保存。{fields} 的变更已提交科技局核实',
    en: 'Saved. The change to {fields} awaits verification by the bureau',
  },
  nothingChanged: { zh: '没有需要保存的修改', en: 'Nothing was changed' },
  required: { zh: '必填', en: 'Required' },
  formerNamesHint: { zh: '输入后回车添加', en: 'Type and press Enter to add' },
  invalidAmount: {
    zh: '请输入金额（万元），最多 6 位小数',
    en: 'Enter an amount in 万元 (×10,000 yuan), at most 6 decimals',
  },
  invalidCount: { zh: '请输入整数', en: 'Enter a whole number' },

  // yearly figures
  year: { zh: '年度', en: 'Year' },
  addYear: { zh: '填报年度数据', en: 'Record a year' },
  editYear: { zh: '修改 {year} 年度数据', en: 'Edit {year}' },
  newYearTitle: { zh: '填报年度数据', en: 'Record a year' },
  yearExists: {
    zh: '{year} 年度已有数据，请在列表中修改',
    en: '{year} already has figures; edit it in the list',
  },
  yearPending: { zh: '仅有待核实数据', en: 'Pending figures only' },
  noYears: { zh: '尚无年度数据', en: 'No yearly figures yet' },
  aboveScaleHint: {
    zh: '规上：年主营业务收入 2000 万元及以上的工业企业等（国家统计局标准）',
    en: 'Above designated size: e.g. industrial firms with main revenue of 20 million yuan or more',
  },

  // qualifications
  addQualification: { zh: '登记资质', en: 'Record a qualification' },
  qualificationKind: { zh: '资质类型', en: 'Kind' },
  certificateNo: { zh: '证书编号', en: 'Certificate no.' },
  issuedOn: { zh: '发证日期', en: 'Issued on' },
  validTo: { zh: '有效期至', en: 'Valid to' },
  status: { zh: '状态', en: 'Status' },
  ruleTerm: { zh: '按规定自动计算：{date}', en: 'Fixed by the rules: {date}' },
  noQualifications: { zh: '暂无资质记录', en: 'No qualifications recorded' },

  // patents
  noPatents: { zh: '暂无专利', en: 'No patents' },

  // relations
  honours: { zh: '获奖情况', en: 'Honours' },
  award: { zh: '奖项', en: 'Award' },
  grade: { zh: '等级', en: 'Grade' },
  rank: { zh: '单位排名', en: 'Rank among units' },
  projectTitle: { zh: '项目名称', en: 'Project' },
  cooperation: { zh: '产学研合作', en: 'Industry–university cooperation' },
  partner: { zh: '合作机构', en: 'Partner' },
  subject: { zh: '合作内容', en: 'Subject' },
  signedOn: { zh: '签订日期', en: 'Signed on' },
  chainTags: { zh: '产业链标签', en: 'Industry-chain tags' },
  chain: { zh: '产业链', en: 'Chain' },
  segment: { zh: '环节', en: 'Segment' },
  addChainTag: { zh: '添加标签', en: 'Add a tag' },
  noChainTags: { zh: '暂无产业链标签', en: 'No chain tags' },

  // history
  time: { zh: '时间', en: 'Time' },
  actor: { zh: '操作人', en: 'By' },
  action: { zh: '操作', en: 'Action' },
  changes: { zh: '变更内容', en: 'Changes' },
  system: { zh: '系统', en: 'System' },
} satisfies Record<string, Text>;

/** Audit actions an enterprise's history shows, in words; other codes are shown as they are. */
export const historyActionLabels: Record<string, Text> = {
  'enterprise.created': { zh: '登记企业', en: 'Registered' },
  'enterprise.updated': { zh: '修改信息', en: 'Changed' },
  'enterprise.change_submitted': { zh: '企业提交变更', en: 'Change submitted' },
  'enterprise.change_verified': { zh: '核实变更', en: 'Change verified' },
  'enterprise.change_rejected': { zh: '驳回变更', en: 'Change rejected' },
  'enterprise.field_verified': { zh: '核实字段', en: 'Field verified' },
  'enterprise.year_recorded': { zh: '填报年度数据', en: 'Year recorded' },
  'personal_data.read': { zh: '查看联系电话', en: 'Contact phone shown' },
  'registry.imported': { zh: '导入', en: 'Imported' },
};
