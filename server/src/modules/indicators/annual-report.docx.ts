/**
 * The annual summary document as Word, in the layout of GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm; the issuing organ's marker in red 小标宋 with a red rule under the document
 * number; the title in 小标宋 二号; body in 仿宋_GB2312 三号 at a fixed 28 pt line with a two-character indent;
 * headings 一、 in 黑体 and （一） in 楷体; the appendix "数据来源"; 抄送 and 印发 lines; "— 1 —" page numbers.
 * Built with `docx`; no template file. The words are annual-report.text.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { chineseDate, FONT_TABLE_OVERRIDE } from '../../platform/official-document.ts';
import type { AnnualReportData } from './annual-report.data.ts';
import { ISSUER } from './annual-report.data.ts';
import { annualReportText, type AppendixRow, type Block } from './annual-report.text.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RED = 'FF0000';

/** Millimetres in twips, rounded to the nearest (37 mm = 2098), as Word writes them. */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

/**
 * East Asian fonts named as the standard names them; the Latin slots and the font table's alternatives
 * (ECMA-376 §17.8.3.1 altName, charset 86 = GB2312) let Word and LibreOffice substitute a CJK serif or sans font
 * (宋体/SimSun, Noto Serif CJK SC) where 方正小标宋 or 仿宋_GB2312 is not installed.
 */
const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun', hint: 'eastAsia' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' },
  heading1: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei', hint: 'eastAsia' },
  heading2: { eastAsia: '楷体_GB2312', ascii: 'KaiTi', hAnsi: 'KaiTi', hint: 'eastAsia' },
  page: { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun', hint: 'eastAsia' },
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小五 9 pt; the marker 32 pt. */
const SIZES = { marker: 64, title: 44, body: 32, page: 28, table: 18 } as const;
/** Fixed 28 pt line (in twips), and the two-character indent of 三号 text (2 × 16 pt). */
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const INDENT = 640;
const MARKER = /(【数据缺失：[^】]*】)/;

/** Body text; a missing-figure marker stands out in red bold. */
function runs(
  text: string,
  font: (typeof FONTS)[keyof typeof FONTS] = FONTS.body,
  size: number = SIZES.body,
) {
  return text
    .split(MARKER)
    .filter((part) => part !== '')
    .map((part) =>
      MARKER.test(part)
        ? new TextRun({ text: part, font, size, color: RED, bold: true })
        : new TextRun({ text: part, font, size }),
    );
}

function block(b: Block): Paragraph {
  if (b.kind === 'h1')
    return new Paragraph({
      spacing: LINE,
      indent: { firstLine: INDENT },
      keepNext: true,
      children: runs(b.text, FONTS.heading1),
    });
  if (b.kind === 'h2')
    return new Paragraph({
      spacing: LINE,
      indent: { firstLine: INDENT },
      keepNext: true,
      children: runs(b.text, FONTS.heading2),
    });
  return new Paragraph({ spacing: LINE, indent: { firstLine: INDENT }, children: runs(b.text) });
}

const blank = () => new Paragraph({ spacing: LINE, children: [] });

function plain(
  text: string,
  options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({ spacing: LINE, ...options, children: runs(text) });
}

/** The issuing organ's marker, the document number and the red rule under it. */
function masthead(documentNumber: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0, line: 1000, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: `${ISSUER}文件`, font: FONTS.title, size: SIZES.marker, color: RED })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 10 } },
      children: runs(documentNumber),
    }),
    blank(),
  ];
}

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0, line: 700, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: FONTS.title, size: SIZES.title })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** The text width, 210 − 28 − 26 = 156 mm, split among the appendix's columns. */
const COLUMNS: { header: string; key: keyof AppendixRow; mm: number }[] = [
  { header: '指标编号', key: 'id', mm: 24 },
  { header: '指标名称', key: 'name', mm: 20 },
  { header: '数值', key: 'value', mm: 16 },
  { header: '单位', key: 'unit', mm: 10 },
  { header: '来源', key: 'source', mm: 9 },
  { header: '公式或查询', key: 'formula', mm: 24 },
  { header: '口径依据', key: 'citation', mm: 35 },
  { header: '数据时间', key: 'dataTime', mm: 18 },
];

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: runs(text, header ? FONTS.heading1 : FONTS.body, SIZES.table),
      }),
    ],
  });
}

function appendixTable(rows: AppendixRow[]): Table {
  const widths = COLUMNS.map((c) => mm(c.mm));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
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
        children: COLUMNS.map((c, i) => cell(c.header, widths[i]!, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: COLUMNS.map((c, i) => cell(r[c.key], widths[i]!, false)),
          }),
      ),
    ],
  });
}

/** 版记: 抄送 between two rules, then 印发 above the closing rule, in 仿宋 四号. */
function colophon(copyTo: string, printedBy: string): Paragraph[] {
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 4 });
  return [
    blank(),
    new Paragraph({
      spacing: LINE,
      indent: { left: 280, right: 280 },
      border: { top: rule(8), bottom: rule(4) },
      children: runs(copyTo, FONTS.body, SIZES.page),
    }),
    new Paragraph({
      spacing: LINE,
      indent: { left: 280, right: 280 },
      border: { bottom: rule(8) },
      children: runs(printedBy, FONTS.body, SIZES.page),
    }),
  ];
}

export async function renderAnnualReport(data: AnnualReportData): Promise<Buffer> {
  const text = annualReportText(data);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.page, size: SIZES.page }),
        ],
      }),
    ],
  });
  const missingNote =
    text.missing.length > 0
      ? [
          block({
            kind: 'p',
            text: `缺失数据：${text.missing.join('；')}。以上数据在文中以“【数据缺失：指标名】”标示，待补录后重新生成。`,
          }),
        ]
      : [];
  const doc = new Document({
    creator: '晋科平台',
    title: text.title,
    description: `${data.documentNumber} ${data.year}年工作总结`,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
            size: SIZES.body,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
            },
          },
        },
        footers: { default: footer },
        children: [
          ...masthead(data.documentNumber),
          title(text.title),
          blank(),
          plain(text.addressee),
          ...text.blocks.map(block),
          ...missingNote,
          blank(),
          new Paragraph({ spacing: LINE, indent: { firstLine: INDENT }, children: runs('附件：数据来源') }),
          blank(),
          plain(ISSUER, { alignment: AlignmentType.RIGHT }),
          plain(chineseDate(data.issuedOn), { alignment: AlignmentType.RIGHT }),
          new Paragraph({ pageBreakBefore: true, spacing: LINE, children: runs('附件', FONTS.heading1) }),
          title('数据来源'),
          blank(),
          appendixTable(text.appendix),
          ...colophon(text.copyTo, text.printedBy),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}
