import type { Locale } from '@jinke/core/common/errors.ts';
import { defineErrors } from '@jinke/core/common/errors.ts';
import type { LedgerProblem } from '@jinke/core/cultivation/ledger.contract.ts';
import { AppError } from '../../platform/errors.ts';

/** Error codes of the R&D ledger (研发辅助账) and its spreadsheet import. */
export const ledgerErrors = defineErrors({
  LEDGER_PROJECT_CODE_TAKEN: {
    status: 409,
    zh: '本企业已有相同编号的研发项目',
    en: 'The enterprise already has a project with this code',
  },
  LEDGER_IMPORT_FILE_INVALID: {
    status: 400,
    zh: '文件无法读取：请上传 Excel 工作簿（.xlsx）',
    en: 'The file cannot be read: upload an Excel workbook (.xlsx)',
  },
  LEDGER_IMPORT_EMPTY: { status: 400, zh: '文件中没有项目或费用明细行', en: 'The file has no project or entry rows' },
  LEDGER_IMPORT_WRONG_TEMPLATE: {
    status: 400,
    zh: '文件与研发辅助账模板不符，请下载模板后按模板填写',
    en: 'The file does not match the R&D ledger template; download the template and fill it in',
  },
  LEDGER_IMPORT_ROWS_INVALID: {
    status: 400,
    zh: '文件中有错误的行，未导入任何数据',
    en: 'Some rows are invalid; nothing was imported',
  },
  LEDGER_IMPORT_TOO_LARGE: {
    status: 400,
    zh: '文件中的费用明细行过多，请按年度分文件导入',
    en: 'The file has too many entry rows; import one year per file',
  },
});

/** A 400 naming each field in the caller's language: the envelope request validation produces. */
export function ledgerInvalid(locale: Locale, problems: LedgerProblem[]): AppError {
  const zh = problems.map((p) => `${p.field} ${p.zh}`).join('；');
  const en = problems.map((p) => `${p.field} ${p.en}`).join('; ');
  return new AppError('VALIDATION_FAILED', {
    userMessage: { zh: `提交的数据有误：${zh}`, en: `The submitted data is invalid: ${en}` },
    details: {
      fields: problems.map((p) => ({
        field: p.field,
        message: `${p.field} ${locale === 'en-US' ? p.en : p.zh}`,
        rule: p.rule,
      })),
    },
  });
}

export const projectNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: { zh: '研发项目不存在', en: 'No such R&D project' } });
export const entryNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: { zh: '费用明细不存在', en: 'No such ledger entry' } });
export const ledgerEnterpriseNotFound = () =>
  new AppError('NOT_FOUND', {
    userMessage: { zh: '企业不存在或尚未在主体库登记', en: 'The enterprise does not exist or is not registered' },
  });
