/** Texts of the application shell (layout, menu, error pages). Feature texts live beside each feature. */
import type { Text } from './i18n.tsx';

export const appText = {
  platformName: {
    zh: '晋科 · 晋江市科技和知识产权局 综合服务平台',
    en: 'Jinke · Jinjiang Science, Technology and IP Bureau Service Platform',
  },
  platformShort: { zh: '晋科', en: 'Jinke' },
  bureauName: { zh: '晋江市科技和知识产权局', en: 'Jinjiang Science, Technology and IP Bureau' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  signOutFailed: { zh: '退出登录失败：{message}', en: 'Sign-out failed: {message}' },
  languageLabel: { zh: '界面语言', en: 'Language' },
  loading: { zh: '加载中…', en: 'Loading…' },
  backHome: { zh: '返回工作台', en: 'Back to the workbench' },
  forbiddenTitle: { zh: '无权访问', en: 'Access denied' },
  forbiddenText: {
    zh: '您的账号没有访问此页面的权限。如需开通，请联系系统管理员。',
    en: 'Your account may not open this page. Ask the administrator if you need it.',
  },
  notFoundTitle: { zh: '页面不存在', en: 'Page not found' },
  notFoundText: { zh: '您访问的页面不存在或已被移除。', en: 'The page you asked for does not exist or was removed.' },
  errorTitle: { zh: '页面出错了', en: 'Something went wrong' },
  errorText: {
    zh: '页面运行时发生错误，请重新加载。如问题持续出现，请将以下编号告知管理员。',
    en: 'The page hit an error; reload it. If it keeps happening, give the reference below to the administrator.',
  },
  reload: { zh: '重新加载', en: 'Reload' },
  requestFailed: { zh: '请求失败：{message}', en: 'Request failed: {message}' },
  requestId: { zh: '请求编号', en: 'Request reference' },
  ok: { zh: '确定', en: 'OK' },
  cancel: { zh: '取消', en: 'Cancel' },
} satisfies Record<string, Text>;
