/**
 * Indicators the registry also holds beyond patents and platforms: provincial recognitions, carriers, honours and
 * talent programmes, each counted from its records (indicators.queries.ts) with the sentence of 晋科〔2018〕11号 that
 * states it. Years are the year of issue, of the award round, or of selection; stocks stand at 31 December.
 */
import { SUMMARY, counted, units, type CatalogueEntry } from './catalogue.parts.ts';

const { count, firms, items, people, teams } = units;
const CITY_AWARD = '泉州市科学技术奖（按授奖年度，每个获奖项目或个人计一项）';

export const REGISTRY_ENTRIES: readonly CatalogueEntry[] = [
  counted(
    'qualifications.new_provincial_tech_enterprise',
    { zh: '新增省级科技型企业', en: 'New provincial technology-based enterprises' },
    firms,
    'year',
    `${SUMMARY}：新增省级科技型企业41家（当年认定）`,
  ),
  counted(
    'qualifications.new_little_giant',
    { zh: '新入库科技小巨人领军企业', en: 'New entries to the little-giant pool' },
    firms,
    'year',
    `${SUMMARY}：科技小巨人领军企业培育库新入库88家`,
  ),
  counted(
    'talents.provincial_tech_entrepreneur',
    { zh: '省级科技创业领军人才', en: 'Provincial tech-entrepreneur talents' },
    people,
    'year',
    `${SUMMARY}：入选省级科技创业领军人才2人（当年入选）`,
  ),
  counted(
    'carriers.new_provincial_maker_space',
    { zh: '新增省级众创空间', en: 'New provincial maker spaces' },
    count,
    'year',
    `${SUMMARY}：新增省级众创空间3家（当年认定）`,
  ),
  counted(
    'carriers.provincial_maker_space',
    { zh: '省级众创空间', en: 'Provincial maker spaces' },
    count,
    'year-end',
    `${SUMMARY}：省级众创空间累计4家（12月31日仍有效的认定）`,
    true,
  ),
  counted(
    'carriers.provincial_incubator',
    { zh: '省级科技企业孵化器', en: 'Provincial incubators' },
    count,
    'year-end',
    `${SUMMARY}：省级科技企业孵化器1家（12月31日仍有效的认定）`,
    true,
  ),
  counted(
    'carriers.new_provincial_star_space',
    { zh: '新增星创天地（农村众创空间）', en: 'New star creative spaces (rural maker spaces)' },
    count,
    'year',
    `${SUMMARY}：2018年新建农村众创空间（星创天地）1—2家`,
  ),
  counted(
    'talents.maker_angel_teams',
    { zh: '创客天使计划入选团队', en: 'Teams of the maker angel plan' },
    teams,
    'year',
    `${SUMMARY}：创客天使计划入选团队9个`,
  ),
  counted(
    'talents.overseas_advisers',
    { zh: '聘请海外创业导师', en: 'Overseas start-up advisers engaged' },
    people,
    'year',
    `${SUMMARY}：聘请海外创业导师6名`,
  ),
  counted(
    'honours.china_patent_excellence',
    { zh: '中国专利优秀奖获奖企业', en: 'China Patent Award of excellence: enterprises' },
    firms,
    'year',
    `${SUMMARY}：2家企业获中国专利优秀奖（按授奖年度）`,
  ),
  counted(
    'honours.city_sti',
    { zh: '泉州市科学技术奖', en: 'Quanzhou science and technology awards' },
    items,
    'year',
    `${SUMMARY}：获泉州市科学技术奖16项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_major_contribution',
    { zh: '泉州市科学技术奖重大贡献奖', en: 'Quanzhou S&T award: major contribution' },
    items,
    'year',
    `${SUMMARY}：重大贡献奖1项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_entrepreneurship',
    { zh: '泉州市科学技术奖创业奖', en: 'Quanzhou S&T award: entrepreneurship' },
    items,
    'year',
    `${SUMMARY}：创业奖2项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_enterprise_innovation',
    { zh: '泉州市政府企业技术创新奖', en: 'Quanzhou award for enterprise technological innovation' },
    items,
    'year',
    `${SUMMARY}：政府企业技术创新奖1项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_first',
    { zh: '泉州市科学技术进步奖一等奖', en: 'Quanzhou S&T progress award: first prize' },
    items,
    'year',
    `${SUMMARY}：科技进步一等奖1项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_second',
    { zh: '泉州市科学技术进步奖二等奖', en: 'Quanzhou S&T progress award: second prize' },
    items,
    'year',
    `${SUMMARY}：科技进步二等奖3项。${CITY_AWARD}`,
  ),
  counted(
    'honours.city_sti_third',
    { zh: '泉州市科学技术进步奖三等奖', en: 'Quanzhou S&T progress award: third prize' },
    items,
    'year',
    `${SUMMARY}：科技进步三等奖8项。${CITY_AWARD}`,
  ),
];
