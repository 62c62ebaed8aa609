/**
 * The public open data (指标公开数据): the year's overview, computed as the dashboard computes it
 * (`indicatorsService.overview`) for a bureau-wide reader, narrowed to the indicators the catalogue marks
 * `published` and to their county figures. Each item is built field by field from a whitelist, so nothing the
 * dashboard holds besides — towns, targets, progress, the inputs a missing figure lacks — can reach the public.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { IndicatorOverviewItem } from '@jinke/core/indicators/api.contract.ts';
import type {
  OpenDataItem,
  OpenDataQuery,
  OpenDataResponse,
} from '@jinke/core/indicators/open-data.contract.ts';
import { COMMAND_LINE_READER, type RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { LoadedCatalogue } from './catalogue.ts';
import { indicatorsService } from './indicators.service.ts';

/**
 * Who the overview sees as reading the open data: bureau-wide, no scope, as the command line reads. It only chooses
 * rows (the county figures); reading writes nothing, so it is never recorded anywhere.
 */
export const OPEN_DATA_READER: Actor = { ...COMMAND_LINE_READER, userId: 'open-data', username: 'open-data' };

export const OPEN_DATA_PUBLISHER = {
  zh: '晋江市科技和知识产权局',
  en: 'Jinjiang Science, Technology and IP Bureau',
};

export const OPEN_DATA_LICENCE = {
  zh: '本页数据由晋江市科技和知识产权局发布，可自由使用、转载，请注明“来源：晋江市科技和知识产权局”并保留指标口径。',
  en:
    'Published by the Jinjiang Science, Technology and IP Bureau. Free to use and republish; ' +
    'please credit "Source: Jinjiang Science, Technology and IP Bureau" and keep the definitions.',
};

function toOpenItem(item: IndicatorOverviewItem): OpenDataItem {
  return {
    id: item.id,
    name: { zh: item.name.zh, en: item.name.en },
    unit: { zh: item.unit.zh, en: item.unit.en },
    decimals: item.decimals,
    source: item.source,
    period: item.period,
    value: item.figure?.value ?? null,
    display: item.figure?.display ?? null,
    missing: item.figure ? null : (item.missing?.reason ?? 'missing'),
    asOf: item.asOf,
    formula: item.formula,
    citation: item.citation,
    dataTime: item.dataTime,
  };
}

export function openDataService(deps: { db: Database; clock: () => Date; catalogue?: LoadedCatalogue }) {
  const indicators = indicatorsService(deps);
  const published = (id: string) => indicators.catalogue.definitions.get(id)?.published === true;

  /** The published figures of `year` (default: the latest with data); a year without data is 404. */
  async function figures(ctx: RequestContext, query: OpenDataQuery): Promise<OpenDataResponse> {
    const overview = await indicators.overview({ ...ctx, actor: OPEN_DATA_READER }, { year: query.year });
    return {
      year: overview.year,
      years: [...overview.years],
      publisher: OPEN_DATA_PUBLISHER,
      licence: OPEN_DATA_LICENCE,
      items: overview.items.filter((i) => published(i.id)).map(toOpenItem),
    };
  }

  return { figures };
}

export type OpenDataService = ReturnType<typeof openDataService>;
