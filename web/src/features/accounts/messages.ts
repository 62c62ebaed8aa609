/** Texts of the accounts pages: sign-in, password, own account. User administration has `users.messages.ts`. */
import type { Text } from '../../app/i18n.tsx';

export const accountText = {
  loginHeading: { zh: '用户登录', en: 'Sign in' },
  loginSubtitle: {
    zh: '科技项目、高企培育、知识产权、科技大市场一站式办理',
    en: 'Science programmes, high-tech cultivation, IP and the technology market in one place',
  },
  username: { zh: '用户名', en: 'Username' },
  usernameRequired: { zh: '请输入用户名', en: 'Enter your username' },
  password: { zh: '密码', en: 'Password' },
  passwordRequired: { zh: '请输入密码', en: 'Enter your password' },
  signIn: { zh: '登 录', en: 'Sign in' },
  loginFailed: { zh: '用户名或密码错误，请重新输入', en: 'Wrong username or password; try again' },
  accountLocked: {
    zh: '连续登录失败次数过多，账号已被锁定 15 分钟。请稍后再试，或联系系统管理员解锁。',
    en: 'Too many failed sign-ins: the account is locked for 15 minutes. Try later or ask the administrator to unlock it.',
  },
  accountDisabled: {
    zh: '该账号已停用，无法登录。如有疑问请联系系统管理员。',
    en: 'This account is disabled and cannot sign in. Contact the administrator.',
  },
  rateLimited: {
    zh: '登录尝试过于频繁，请一分钟后再试。',
    en: 'Too many sign-in attempts; wait a minute and try again.',
  },
  loginHelp: {
    zh: '忘记密码或账号被锁定，请联系晋江市科技和知识产权局系统管理员。',
    en: 'Forgot your password or locked out? Contact the bureau’s system administrator.',
  },
  copyright: { zh: '晋江市科技和知识产权局 主办', en: 'Run by the Jinjiang Science, Technology and IP Bureau' },

  forcedTitle: { zh: '请修改初始密码', en: 'Change your initial password' },
  forcedText: {
    zh: '为保障账号安全，首次登录或管理员重置密码后，须先设置您自己的新密码才能继续使用平台。',
    en: 'For the safety of your account, set a password of your own before continuing (first sign-in or after a reset).',
  },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  currentPasswordRequired: { zh: '请输入当前密码', en: 'Enter your current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  newPasswordRequired: { zh: '请输入新密码', en: 'Enter a new password' },
  newPasswordSame: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  confirmPassword: { zh: '确认新密码', en: 'Confirm the new password' },
  confirmPasswordRequired: { zh: '请再次输入新密码', en: 'Enter the new password again' },
  confirmPasswordMismatch: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  passwordRulesTitle: { zh: '密码要求', en: 'Password rules' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  passwordChanged: { zh: '密码已修改', en: 'Password changed' },

  profile: { zh: '个人信息', en: 'Profile' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  scope: { zh: '所属范围', en: 'Scope' },
  sections: { zh: '所在科室', en: 'Sections' },
  bureauWide: { zh: '全局', en: 'Bureau-wide' },
  sessions: { zh: '登录设备', en: 'Signed-in devices' },
  sessionsHint: {
    zh: '以下是当前有效的登录会话。发现不认识的设备，请立即注销并修改密码。',
    en: 'These sessions are signed in now. If you do not recognise one, revoke it and change your password.',
  },
  sessionDevice: { zh: '设备', en: 'Device' },
  sessionIp: { zh: 'IP 地址', en: 'IP address' },
  sessionCreated: { zh: '登录时间', en: 'Signed in' },
  sessionLastSeen: { zh: '最近活动', en: 'Last active' },
  sessionExpires: { zh: '到期时间', en: 'Expires' },
  sessionCurrent: { zh: '当前设备', en: 'This device' },
  revoke: { zh: '注销', en: 'Revoke' },
  revokeConfirm: { zh: '确定注销该登录会话？该设备需重新登录。', en: 'Revoke this session? That device will have to sign in again.' },
  revokeCurrentConfirm: {
    zh: '这是您当前使用的会话，注销后将退出登录。确定继续？',
    en: 'This is the session you are using; revoking it signs you out. Continue?',
  },
  revoked: { zh: '已注销该会话', en: 'Session revoked' },
  unknownDevice: { zh: '未知设备', en: 'Unknown device' },
} satisfies Record<string, Text>;
