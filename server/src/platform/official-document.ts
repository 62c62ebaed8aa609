/** Shared by the platform's Word documents (the health check, the annual summary). */

/** A day as official documents write it: 2018-03-18 → 2018年3月18日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * The font table of the platform's Word documents: each East Asian font of the official-document style (GB/T 9704:
 * 方正小标宋简体 titles, 仿宋 body, 黑体/楷体 headings, and their _GB2312 names) with the alternative Word and most
 * readers use when it is not installed (ECMA-376 §17.8.3.1 altName), so a machine without them falls back safely.
 * Pass it to `Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE])`.
 */
const FONTS: [name: string, alt: string, family: 'roman' | 'modern', pitch: 'variable' | 'fixed'][] = [
  ['方正小标宋简体', '宋体', 'roman', 'variable'],
  ['FZXiaoBiaoSong-B05S', '宋体', 'roman', 'variable'],
  ['宋体', 'SimSun', 'roman', 'variable'],
  ['仿宋_GB2312', '仿宋', 'modern', 'fixed'],
  ['仿宋', 'FangSong', 'modern', 'fixed'],
  ['黑体', 'SimHei', 'modern', 'fixed'],
  ['楷体_GB2312', '楷体', 'modern', 'fixed'],
  ['楷体', 'KaiTi', 'modern', 'fixed'],
];

export const FONT_TABLE_OVERRIDE = {
  path: 'word/fontTable.xml',
  data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${FONTS.map(
    ([name, alt, family, pitch]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  ).join('')}</w:fonts>`,
};
