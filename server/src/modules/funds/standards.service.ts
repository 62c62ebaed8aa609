/**
 * Policy standards (资助标准) as versioned records: officers list them and add a new version, which takes effect
 * from tomorrow at the earliest and ends the version in force the day before it starts — a standard is never
 * changed for days already past. The shipped standards (core/src/funds/standards.data.ts) are installed once.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type { StandardRequest, StandardsResponse, StandardView } from '@jinke/core/funds/api.contract.ts';
import { standardRequest } from '@jinke/core/funds/api.contract.ts';
import { policyStandard, type PolicyStandard } from '@jinke/core/funds/policy-standard.contract.ts';
import { shippedStandards } from '@jinke/core/funds/standards.data.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './funds.repo.ts';
import { standardOf, toStandardView, type Scoped } from './funds.views.ts';

const DAY_MS = 86_400_000;
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Installs the shipped standards that are not stored yet; returns the ids it added. */
export async function installShippedStandards(
  tx: Executor,
  ctx: RequestContext,
  at: Date,
  standards: readonly PolicyStandard[] = shippedStandards,
): Promise<string[]> {
  const added: string[] = [];
  for (const s of standards) {
    const inserted = await repo.insertStandard(tx, { ...s, effectiveTo: s.effectiveTo ?? null }, s, null, at);
    if (!inserted) continue;
    added.push(s.id);
    await writeAudit(
      tx,
      ctx,
      {
        action: 'funds.standard_installed',
        entityType: 'policy_standard',
        entityId: s.id,
        changes: { programme: [null, s.programme], effectiveFrom: [null, s.effectiveFrom] },
      },
      at,
    );
  }
  return added;
}

export function standardsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  async function list(q: { programme?: string | undefined }): Promise<StandardsResponse> {
    const rows = await repo.listStandards(db, q.programme);
    return { items: rows.map((r) => toStandardView(r, today())) };
  }

  async function get(id: string): Promise<StandardView> {
    const row = (await repo.listStandards(db)).find((r) => r.id === id);
    if (!row) throw new AppError('NOT_FOUND');
    return toStandardView(row, today());
  }

  async function create(ctx: Scoped, body: StandardRequest): Promise<StandardView> {
    const input = standardRequest.parse(body);
    const now = clock();
    const day = chinaDate(now);
    if (input.effectiveFrom <= day)
      throw new AppError('FUNDS_STANDARD_RETROACTIVE', {
        userMessage: {
          zh: `新版本资助标准最早自 ${nextDay(day)} 起生效（今天是 ${day}），不能追溯`,
          en: `A new standard can take effect from ${nextDay(day)} at the earliest (today is ${day}), never retroactively`,
        },
      });
    const id = `${input.programme}-${input.effectiveFrom}`;
    return db.transaction(async (tx) => {
      const existing = (await repo.listStandards(tx, input.programme)).map((r) => standardOf(r));
      const later = existing.find((s) => s.effectiveFrom >= input.effectiveFrom);
      if (later)
        throw new AppError('FUNDS_STANDARD_EXISTS', {
          userMessage: {
            zh: `该资助项目已有 ${later.effectiveFrom} 起的版本（${later.id}）`,
            en: `A version of this programme already starts on ${later.effectiveFrom} (${later.id})`,
          },
        });
      const standard = policyStandard.parse({ ...input, id });
      const predecessor = existing.find(
        (s) =>
          s.effectiveFrom < input.effectiveFrom &&
          (s.effectiveTo === undefined || s.effectiveTo >= input.effectiveFrom),
      );
      if (predecessor) {
        const lastDay = dayBefore(input.effectiveFrom);
        await repo.endStandard(tx, predecessor.id, lastDay, { ...predecessor, effectiveTo: lastDay });
        await writeAudit(
          tx,
          ctx,
          {
            action: 'funds.standard_ended',
            entityType: 'policy_standard',
            entityId: predecessor.id,
            changes: { effectiveTo: [predecessor.effectiveTo ?? null, lastDay], successor: [null, id] },
          },
          now,
        );
      }
      await repo.insertStandard(
        tx,
        { ...standard, effectiveTo: standard.effectiveTo ?? null },
        standard,
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'funds.standard_created',
          entityType: 'policy_standard',
          entityId: id,
          changes: {
            programme: [null, standard.programme],
            effectiveFrom: [null, standard.effectiveFrom],
            effectiveTo: [null, standard.effectiveTo ?? null],
            citation: [null, standard.citation],
          },
        },
        now,
      );
      const row = (await repo.listStandards(tx, input.programme)).find((r) => r.id === id)!;
      return toStandardView(row, day);
    });
  }

  const install = (ctx: RequestContext) => db.transaction((tx) => installShippedStandards(tx, ctx, clock()));

  return { list, get, create, install };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
