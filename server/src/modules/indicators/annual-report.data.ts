/**
 * What the annual summary document (年度工作总结) says, gathered in one place: the year's indicators exactly as the
 * dashboard computes them (`indicatorsService.overview`, county scope), the next year's county targets as recorded
 * (`indicator_targets`), and the document's number and dates. The Word rendering is annual-report.docx.ts.
 *
 * Who may have it: admin, officer, leader — the bureau's own summary is county-wide, so a town officer (who sees one
 * town only) is refused, as are enterprises, experts, banks and providers.
 */
import type { Actor, Role } from '@jinke/core/accounts/roles.ts';
import type { AnnualReportQuery, IndicatorOverviewItem } from '@jinke/core/indicators/api.contract.ts';
import { Rational } from '@jinke/core/common/rational.ts';
import { COMMAND_LINE_READER, systemContext, type RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import { indicatorsService } from './indicators.service.ts';
import * as repo from './indicators.repo.ts';

export const ANNUAL_REPORT_READERS: readonly Role[] = ['admin', 'officer', 'leader'];

export const ISSUER = '晋江市科技和知识产权局';

export interface NextYearTarget {
  id: string;
  name: string;
  unit: string;
  /** The target as entered, without trailing zeros ("100", "8"). */
  value: string;
  comparison: 'at_least' | 'above';
  /** The top of a range target ("1—2"), as entered. */
  upper: string | null;
  source: string | null;
}

export interface AnnualReportData {
  year: number;
  /** 晋科〔YEAR+1〕N号. */
  documentNumber: string;
  /** Every indicator of the year, in the catalogue's order, as the overview answers it. */
  items: IndicatorOverviewItem[];
  targets: NextYearTarget[];
  /** The day the document is generated (China time), YYYY-MM-DD. */
  issuedOn: string;
}

/** The day of an instant in China (UTC+8), YYYY-MM-DD. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Gathers the document's data; a year without figures is the overview's 404 (INDICATOR_NO_DATA). */
export async function annualReportData(
  deps: { db: Database; clock: () => Date },
  ctx: RequestContext & { actor: Actor },
  query: AnnualReportQuery,
): Promise<AnnualReportData> {
  const service = indicatorsService(deps);
  const overview = await service.overview(ctx, { year: query.year });
  const next = query.year + 1;
  const rows = (await repo.listTargets(deps.db, next)).filter((t) => t.town_code === '');
  const targets: NextYearTarget[] = [];
  for (const id of service.catalogue.ids) {
    const row = rows.find((r) => r.indicator_id === id);
    const def = service.catalogue.definitions.get(id);
    if (!row || !def) continue;
    targets.push({
      id,
      name: def.name.zh,
      unit: def.unit.zh,
      value: Rational.parse(row.value).toDecimal(6),
      comparison: row.comparison,
      upper: row.upper === null ? null : Rational.parse(row.upper).toDecimal(6),
      source: row.source,
    });
  }
  return {
    year: overview.year,
    documentNumber: `晋科〔${next}〕${query.number}号`,
    items: overview.items,
    targets,
    issuedOn: chinaDay(deps.clock()),
  };
}

/** The file name: 晋江市科技和知识产权局2017年工作总结.docx, and an ASCII fallback. */
export function annualReportFileNames(year: number): { ascii: string; name: string } {
  return { ascii: `annual-report-${year}.docx`, name: `${ISSUER}${year}年工作总结.docx` };
}

/** `jinke report annual`: the document of GET /api/indicators/report/annual.docx, read bureau-wide. */
export async function annualReportCommand(
  deps: { db: Database; clock: () => Date },
  query: AnnualReportQuery,
): Promise<{ data: AnnualReportData; body: Buffer }> {
  const { renderAnnualReport } = await import('./annual-report.docx.ts');
  const data = await annualReportData(
    deps,
    { ...systemContext('report-annual'), actor: COMMAND_LINE_READER },
    query,
  );
  return { data, body: await renderAnnualReport(data) };
}
