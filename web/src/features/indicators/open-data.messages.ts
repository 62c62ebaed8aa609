/** Texts of the public open-data page (指标公开数据). */
import type { Text } from '../../app/i18n.tsx';

export const openDataText = {
  title: { zh: '科技指标公开数据', en: 'Open data: science and technology indicators' },
  intro: {
    zh: '以下为晋江市科技和知识产权局公开发布的科技和知识产权指标全市数据，无需登录即可查看和下载。数值为精确计算结果按指标规定的小数位显示；每项指标附统计口径、计算方法和数据时间。',
    en: 'County-wide figures of the science, technology and IP indicators the Jinjiang bureau publishes, open to everyone without signing in. Values are computed exactly and shown to each indicator’s decimals, with the definition, the formula and the data time.',
  },
  year: { zh: '{year} 年', en: '{year}' },
  yearLabel: { zh: '年度', en: 'Year' },
  asOf: { zh: '数据截至 {date}', en: 'Figures as of {date}' },
  indicator: { zh: '指标', en: 'Indicator' },
  id: { zh: '指标编号', en: 'Indicator id' },
  value: { zh: '数值', en: 'Value' },
  unit: { zh: '单位', en: 'Unit' },
  period: { zh: '统计期', en: 'Period' },
  periodYear: { zh: '全年累计', en: 'Calendar year' },
  periodYearEnd: { zh: '年末时点', en: 'Year end' },
  formula: { zh: '计算方法', en: 'Formula' },
  citation: { zh: '口径依据', en: 'Definition' },
  dataTime: { zh: '数据时间', en: 'Data time' },
  noFigure: { zh: '暂无数据', en: 'Not available' },
  divisionByZero: { zh: '暂无数据（除数为零）', en: 'Not available (division by zero)' },
  downloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  downloadJson: { zh: '下载 JSON', en: 'Download JSON' },
  downloadFailed: { zh: '下载失败：{message}', en: 'Download failed: {message}' },
  chartTitle: { zh: '{name}（{unit}）', en: '{name} ({unit})' },
  trends: { zh: '历年趋势', en: 'Across the years' },
  trendsHint: {
    zh: '各指标历年数值（暂无数据的年度不显示柱条）',
    en: 'Each indicator year by year (a year without a figure has no bar)',
  },
  latest: { zh: '查看最新年度', en: 'Show the latest year' },
  loadFailed: { zh: '加载失败：{message}', en: 'Could not load: {message}' },
  publisher: { zh: '发布单位：{name}', en: 'Published by: {name}' },
  licence: { zh: '使用说明', en: 'Terms of use' },
  fields: {
    zh: '字段说明与稳定编号见 docs/open-data.md；接口：GET /api/public/indicators?year=，GET /api/public/indicators.csv?year=',
    en: 'Fields and stable ids: docs/open-data.md; API: GET /api/public/indicators?year=, GET /api/public/indicators.csv?year=',
  },
  signIn: { zh: '工作人员登录', en: 'Staff sign-in' },
  loginLink: { zh: '查看科技指标公开数据（无需登录）', en: 'Open data: published indicators (no sign-in)' },
} satisfies Record<string, Text>;
