/**
 * The enterprise list within the actor's scope: Chinese full-text search over name, former names and address, the
 * filters of the contract, sorting and paging. Each item carries the qualifications in force today.
 */
import type { EnterpriseListItem, EnterpriseListQuery } from '@jinke/core/registry/enterprises.contract.ts';
import { hitechFieldByCode, hitechFieldPath, hitechFields } from '@jinke/core/registry/hitech-fields.ts';
import { industryChildren } from '@jinke/core/registry/industry.ts';
import { chinaDate, isInForce, qualificationStatus } from '@jinke/core/registry/qualifications.ts';
import type { RequestContext } from '../../platform/context.ts';
import { segmentQuery } from '../../platform/search/index.ts';
import { listEnterprises } from './enterprise-list.repo.ts';
import { industryName } from './enterprise-views.ts';
import { type EnterprisesDeps, actorOf } from './enterprises.service.ts';
import { qualificationsOf } from './qualifications.repo.ts';
import { enterpriseScope } from './registry.policy.ts';
import { type SearchCounting, searchCounting } from './search-count.repo.ts';

export function enterpriseListService(
  deps: Pick<EnterprisesDeps, 'db' | 'clock'> & { search?: SearchCounting | undefined },
) {
  const { db, clock } = deps;
  const search = deps.search ?? searchCounting.enterprises;

  async function list(ctx: RequestContext, query: EnterpriseListQuery) {
    const actor = actorOf(ctx);
    const now = clock();
    const empty = {
      items: [] as EnterpriseListItem[],
      total: 0,
      totalCapped: false,
      page: query.page,
      pageSize: query.pageSize,
    };
    const q = query.q?.trim() ? query.q.trim() : null;
    const tsquery = q === null ? null : segmentQuery(q);
    // A query of punctuation only matches nothing; it is not an error.
    if (q !== null && tsquery === null) return empty;
    const industry = query.industry;
    const chosen = query.hitechField;
    if (chosen && !hitechFieldByCode(chosen)) return empty;
    // A field selects itself and everything catalogued under it.
    const hitech = chosen
      ? hitechFields.filter((f) => hitechFieldPath(f.code).some((a) => a.code === chosen))
      : undefined;
    const sort = query.sort ?? (tsquery ? 'relevance' : 'name');
    const { rows, total, totalCapped } = await listEnterprises(
      db,
      (offset) => enterpriseScope(actor, offset),
      {
        tsquery,
        text: q,
        search,
        town: query.town,
        industryPrefix: industry && /^\d+$/.test(industry) ? industry : undefined,
        industryDivisions:
          industry && /^[A-Z]$/.test(industry) ? industryChildren(industry).map((d) => d.code) : undefined,
        qualification: query.qualification,
        aboveScale: query.aboveScale,
        year: query.year,
        hitechFields: hitech?.map((f) => f.code),
        chain: query.chain,
        today: chinaDate(now),
        sort: sort === 'relevance' && !tsquery ? 'name' : sort,
        order: query.order ?? (sort === 'revenue' || sort === 'relevance' ? 'desc' : 'asc'),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    const today = chinaDate(now);
    const quals = await qualificationsOf(
      db,
      rows.map((r) => r.id),
    );
    const items: EnterpriseListItem[] = rows.map((r) => ({
      id: r.id,
      uscc: r.uscc,
      name: r.name,
      townCode: r.town_code,
      townName: r.town_name,
      industryCode: r.industry_code,
      industryName: industryName(r.industry_code),
      registeredOn: r.registered_on,
      revenueFen: r.revenue_fen === null ? null : Number(r.revenue_fen),
      qualifications: quals
        .filter((qr) => qr.holder_id === r.id)
        .map((qr) => ({
          kind: qr.kind,
          status: qualificationStatus({ issuedOn: qr.issued_on, validTo: qr.valid_to }, today),
          validTo: qr.valid_to,
        }))
        .filter((s) => isInForce(s.status)),
    }));
    return { items, total, totalCapped, page: query.page, pageSize: query.pageSize };
  }

  return { list };
}
