/**
 * Fund supervision (资金监管): core's `fundFlags` over every award — the same enterprise funded twice for the same
 * item under one programme, a funded patent that lapsed within the standard's clawback window (the registry's
 * legal status), an approved amount above what the standard gave — and each call's budget use. Narrowed to one
 * call on request (a flag shows when any of its awards is in that call).
 */
import type { SupervisionFlag, SupervisionResponse } from '@jinke/core/funds/api.contract.ts';
import { fundFlags, type AwardRecord } from '@jinke/core/funds/supervision.ts';
import type { Database } from '../../platform/db/index.ts';
import { budgetView } from './funds.views.ts';
import * as repo from './supervision.repo.ts';

/** The clawback window when a standard sets none. */
export const DEFAULT_CLAWBACK_YEARS = 2;

export function supervisionService(deps: { db: Database }) {
  const { db } = deps;

  async function flags(callId?: string): Promise<SupervisionFlag[]> {
    const awards = await repo.supervisedAwards(db);
    const byId = new Map(awards.map((a) => [a.application_id, a]));
    const records: AwardRecord[] = awards.flatMap((a) =>
      (a.item_keys.length > 0 ? a.item_keys : [`application:${a.application_id}`]).map((itemKey) => ({
        id: a.application_id,
        uscc: a.uscc,
        programme: a.programme,
        itemKey,
        awardedOn: a.decided_on,
        amountFen: BigInt(a.approved_fen),
        standardAmountFen: BigInt(a.proposed_fen),
        ...(a.adjustment_reason ? { adjustmentReason: a.adjustment_reason } : {}),
        ...(a.clawback_years === null ? {} : { clawbackYears: Number(a.clawback_years) }),
      })),
    );
    const lapsed = await repo.lapsedPatents(db, [...new Set(records.map((r) => r.itemKey))]);
    const found = fundFlags(
      records,
      lapsed.map((l) => ({ itemKey: l.application_no, lapsedOn: l.lapsed_on })),
      DEFAULT_CLAWBACK_YEARS,
    );
    return found
      .map((f): SupervisionFlag => {
        const ids = f.kind === 'duplicate' ? f.awards : [f.award];
        const first = byId.get(ids[0]!)!;
        return {
          kind: f.kind,
          applicationIds: ids,
          callTitles: [...new Set(ids.map((id) => byId.get(id)!.call_title))],
          enterpriseName: first.enterprise_name,
          uscc: first.uscc,
          itemKey: f.kind === 'above-standard' ? null : f.itemKey,
          zh: f.zh,
          en: f.en,
        };
      })
      .filter((f) => !callId || f.applicationIds.some((id) => byId.get(id)!.call_id === callId));
  }

  async function overview(q: { callId?: string | undefined }): Promise<SupervisionResponse> {
    const [found, budgets] = await Promise.all([flags(q.callId), repo.budgets(db, q.callId)]);
    return { flags: found, budgets: budgets.map(budgetView) };
  }

  return { flags, overview };
}
