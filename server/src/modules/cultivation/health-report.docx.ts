/**
 * The health-check report (体检报告) as a Word document: A4 with the GB/T 9704 margins, the title and the
 * enterprise, then the kind's sections (verdict, criteria, score, gaps, 12-month plan, appendix), page numbers in
 * the footer. Built with the `docx` package; no template file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  PageNumber,
} from 'docx';
import { FONT_TABLE_OVERRIDE } from '../../platform/official-document.ts';
import type { ReportData } from './health-report.data.ts';
import { hnteSections } from './health-report.hnte.ts';
import {
  FONTS,
  SIZES,
  chineseDate,
  rightAligned,
  subtitle,
  title,
} from './health-report.parts.ts';
import { metaLines } from './health-report.plan.ts';
import { tsmeSections } from './health-report.tsme.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const TITLES = {
  hnte: '高新技术企业培育体检报告',
  tsme: '科技型中小企业评价体检报告',
} as const;

/** The file name of a report: 体检报告-<企业>-<评估日期>.docx, and an ASCII fallback. */
export function reportFileNames(data: ReportData): { ascii: string; name: string } {
  const kind = data.kind === 'hnte' ? '高企' : '科小';
  return {
    ascii: `health-check-${data.kind}-${data.meta.assessmentDate}.docx`,
    name: `${kind}体检报告-${data.meta.enterpriseName}-${data.meta.assessmentDate}.docx`,
  };
}

function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function renderHealthReport(data: ReportData): Promise<Buffer> {
  const sections =
    data.kind === 'hnte'
      ? hnteSections(data.input, data.result, data.plan, data.raw)
      : tsmeSections(data.input, data.result, data.plan, data.raw);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: FONTS.body,
            size: 28,
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: '晋科平台',
    title: `${TITLES[data.kind]} ${data.meta.enterpriseName}`,
    description: `体检报告 ${data.meta.enterpriseName} ${data.meta.assessmentDate}`,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FONTS.titleFallback, ascii: 'SimSun', hAnsi: 'SimSun' },
            size: SIZES.body,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: { default: footer },
        children: [
          title(TITLES[data.kind]),
          subtitle(data.meta.enterpriseName),
          ...metaLines(data.meta),
          ...sections,
          rightAligned('晋科平台自动生成，仅供企业自查，不作为认定结论'),
          rightAligned(chineseDate(chinaDay(data.meta.generatedAt))),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE_OVERRIDE]);
}
