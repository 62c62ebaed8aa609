import { defineErrors } from '@jinke/core/common/errors.ts';

export const accountsErrors = defineErrors({
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定 15 分钟',
    en: 'Too many failed sign-ins; the account is locked for 15 minutes',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'The account is disabled; contact the administrator' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录须先修改初始密码',
    en: 'Change the initial password before continuing',
  },
  PASSWORD_POLICY: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  PASSWORD_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is taken' },
  SCOPE_INVALID: { status: 400, zh: '该角色须指定所属范围（企业、镇街、专家、银行或服务机构）', en: 'This role needs a valid scope' },
  SECTIONS_INVALID: { status: 400, zh: '只有科技局工作人员可以指定科室', en: 'Only bureau officers work in sections' },
  SELF_LOCKOUT: { status: 400, zh: '不能停用自己或降低自己的管理员角色', en: 'You cannot disable or demote yourself' },
});
