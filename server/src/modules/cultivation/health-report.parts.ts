/**
 * Building blocks of the health-check report in the look of an official document (GB/T 9704 党政机关公文格式): A4,
 * title in 小标宋 二号 (falling back to 宋体/SimSun where 方正小标宋 is not installed), body in 仿宋 三号, headings
 * in 黑体 and 楷体, tables with single borders in 仿宋 小四.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** East Asian font with a Latin font that exists on every Windows and most Linux desktops. */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun', hint: 'eastAsia' },
  /** The fallback of the title: Word substitutes a missing East Asian font; this one is named for the styles. */
  titleFallback: '宋体',
  body: { eastAsia: '仿宋', ascii: 'FangSong', hAnsi: 'FangSong', hint: 'eastAsia' },
  heading1: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei', hint: 'eastAsia' },
  heading2: { eastAsia: '楷体', ascii: 'KaiTi', hAnsi: 'KaiTi', hint: 'eastAsia' },
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, table: 24, small: 21 } as const;

const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300, line: 720, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONTS.title, size: SIZES.title })],
  });
}

export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, font: FONTS.heading2, size: SIZES.body })],
  });
}

/** 一、… headings in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 200, ...LINE },
    indent: { firstLine: 640 },
    keepNext: true,
    children: [new TextRun({ text, font: FONTS.heading1, size: SIZES.body })],
  });
}

/** （一）… headings in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [new TextRun({ text, font: FONTS.heading2, size: SIZES.body })],
  });
}

/** A body paragraph in 仿宋 三号 with the two-character first-line indent. */
export function body(text: string, options: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: FONTS.body, size: SIZES.body, bold: options.bold ?? false })],
  });
}

export function rightAligned(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: LINE,
    children: [new TextRun({ text, font: FONTS.body, size: SIZES.body })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cell(text: string, options: { header?: boolean; width: number; center?: boolean }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: options.header || options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: line,
              font: options.header ? FONTS.heading1 : FONTS.body,
              size: SIZES.table,
            }),
          ],
        }),
    ),
  });
}

export interface Column {
  header: string;
  /** Share of the table width in per cent. */
  width: number;
  center?: boolean;
}

/** A bordered table with a repeated header row. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.header, { header: true, width: c.width })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) =>
              cell(row[i] ?? '', { width: c.width, center: c.center ?? false }),
            ),
          }),
      ),
    ],
  });
}

/** A small gap after a table, so the next paragraph does not touch its border. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

export function passWord(pass: boolean | null): string {
  return pass === null ? '待定' : pass ? '符合' : '不符合';
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function numeral(n: number): string {
  return CN_NUMERALS[n - 1] ?? String(n);
}

export { chineseDate } from '../../platform/official-document.ts';
