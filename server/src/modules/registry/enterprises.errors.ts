import type { Locale } from '@jinke/core/common/errors.ts';
import { defineErrors } from '@jinke/core/common/errors.ts';
import { AppError } from '../../platform/errors.ts';

/** Error codes of enterprises, their yearly figures, qualifications and pending self-service changes. */
export const enterprisesErrors = defineErrors({
  FIELD_NOT_RECORDED: { status: 409, zh: '该字段尚无数据，无法核实', en: 'The field has no value to verify' },
  CHANGE_ALREADY_DECIDED: { status: 409, zh: '该变更已处理', en: 'The change has already been decided' },
  FIGURES_CONFLICT: {
    status: 409,
    zh: '该变更与现有数据冲突',
    en: 'The change conflicts with the recorded figures',
  },
});

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
  rule: string;
}

/**
 * A 400 naming each field in the caller's language, the same envelope request validation produces, for rules
 * that need the database or the clock (a town that must exist, a year not in the future).
 */
export function invalidFields(locale: Locale, problems: FieldProblem[]): AppError {
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

export const enterpriseNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: { zh: '企业不存在', en: 'No such enterprise' } });

/** 409 naming the enterprise that already holds the code, so the officer can open it instead. */
export function usccTaken(uscc: string, existing: { id: string; name: string }): AppError {
  return new AppError('CONFLICT', {
    userMessage: {
      zh: `统一社会信用代码 ${uscc} 已登记为“${existing.name}”（${existing.id}）`,
      en: `The unified social credit code ${uscc} is already registered to "${existing.name}" (${existing.id})`,
    },
    details: { field: 'uscc', existing },
  });
}
