/**
 * Yearly figures (revenue, R&D spend, staff, tech staff, net and total assets, 规上 flag) per enterprise and year.
 * The bureau's figures apply at once; an enterprise's own revenue, R&D, staff, tech staff and 规上 flag wait as
 * pending changes for an officer, its assets apply at once. A year after the current one (China Standard Time)
 * and conflicting figures are refused with field errors naming every field involved.
 */
import type { YearField } from '@jinke/core/registry/enterprises.contract.ts';
import type {
  PutYearInput,
  YearDetail,
  YearFigures,
} from '@jinke/core/registry/enterprise-years.contract.ts';
import {
  verifiedYearFields,
  yearFieldKey,
  yearFields,
  yearFigureConflicts,
} from '@jinke/core/registry/enterprises.contract.ts';
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { sameValue } from './enterprise-fields.ts';
import { toPendingItem } from './enterprise-views.ts';
import { EMPTY_FIGURES, findYear, listYears, upsertYear } from './enterprise-years.repo.ts';
import { invalidFields } from './enterprises.errors.ts';
import {
  type EnterprisesDeps,
  actorOf,
  submitForVerification,
  visibleEnterprise,
} from './enterprises.service.ts';
import { type ProvenanceRecord, listProvenance, pendingOf, recordProvenance } from './provenance.repo.ts';
import { changeMode } from './registry.policy.ts';

/**
 * Writes `changes` into the year's row with provenance, refusing a result whose figures conflict (409 naming the
 * fields: e.g. verifying a tech-staff count above the recorded staff). Returns the audit diff.
 */
export async function applyYear(
  tx: Executor,
  enterpriseId: string,
  year: number,
  changes: Partial<YearFigures>,
  provenance: ProvenanceRecord,
): Promise<Record<string, [unknown, unknown]>> {
  const recorded = await findYear(tx, enterpriseId, year, true);
  const current = recorded ?? EMPTY_FIGURES;
  // A first record of the year counts every figure given, even one equal to the empty default (规上 = false).
  const fields = yearFields.filter(
    (f) => f in changes && changes[f] !== undefined && (!recorded || !sameValue(current[f], changes[f])),
  );
  if (fields.length === 0) return {};
  const after: YearFigures = { ...current, ...Object.fromEntries(fields.map((f) => [f, changes[f]])) };
  const conflicts = yearFigureConflicts(after);
  if (conflicts.length > 0) {
    throw new AppError('FIGURES_CONFLICT', {
      userMessage: {
        zh: `${year}年数据冲突：${conflicts.map((c) => `${c.field} ${c.zh}`).join('；')}`,
        en: `The ${year} figures conflict: ${conflicts.map((c) => `${c.field} ${c.en}`).join('; ')}`,
      },
      details: {
        fields: conflicts.map((c) => ({
          field: c.field,
          message: `${c.field} ${c.zh} / ${c.en}`,
          rule: c.rule,
        })),
      },
    });
  }
  await upsertYear(tx, enterpriseId, year, after);
  await recordProvenance(
    tx,
    enterpriseId,
    fields.map((f) => yearFieldKey(year, f)),
    provenance,
  );
  return Object.fromEntries(fields.map((f) => [yearFieldKey(year, f), [current[f], after[f]]]));
}

export function enterpriseYearsService(deps: EnterprisesDeps) {
  const { db, clock } = deps;

  async function detailOf(
    ex: Executor,
    enterpriseId: string,
    year: number,
    figures: YearFigures | null,
  ): Promise<YearDetail> {
    const prefix = `years.${year}.`;
    return {
      year,
      ...(figures ?? EMPTY_FIGURES),
      recorded: figures !== null,
      provenance: await listProvenance(ex, enterpriseId, prefix),
      pendingChanges: (await pendingOf(ex, enterpriseId, prefix)).map(toPendingItem),
    };
  }

  async function list(ctx: RequestContext, id: string): Promise<{ items: YearDetail[] }> {
    await visibleEnterprise(db, actorOf(ctx), id);
    const years = await listYears(db, id);
    const pending = await pendingOf(db, id, 'years.');
    const all = new Set([...years.keys(), ...pending.map((p) => Number(p.field.split('.')[1]))]);
    const items: YearDetail[] = [];
    for (const year of [...all].sort((a, b) => b - a))
      items.push(await detailOf(db, id, year, years.get(year) ?? null));
    return { items };
  }

  async function get(ctx: RequestContext, id: string, year: number): Promise<YearDetail> {
    await visibleEnterprise(db, actorOf(ctx), id);
    const detail = await detailOf(db, id, year, await findYear(db, id, year));
    if (!detail.recorded && detail.pendingChanges.length === 0) {
      throw new AppError('NOT_FOUND', {
        userMessage: { zh: `${year}年尚无数据`, en: `No figures for ${year}` },
      });
    }
    return detail;
  }

  /** Fields left out stay as they are; `null` clears one. */
  async function put(
    ctx: RequestContext,
    id: string,
    year: number,
    input: PutYearInput,
  ): Promise<YearDetail> {
    const actor = actorOf(ctx);
    const mode = changeMode(actor);
    const now = clock();
    const thisYear = Number(chinaDate(now).slice(0, 4));
    if (year > thisYear) {
      throw invalidFields(ctx.locale, [
        {
          field: 'year',
          zh: `不能晚于今年（${thisYear}）`,
          en: `cannot be after the current year (${thisYear})`,
          rule: 'year_in_future',
        },
      ]);
    }
    const given = Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== undefined),
    ) as Partial<YearFigures>;
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actor, id, true);
      const recorded = await findYear(tx, id, year, true);
      const current = recorded ?? EMPTY_FIGURES;
      const proposed: YearFigures = { ...current, ...given };
      const conflicts = yearFigureConflicts(proposed);
      if (conflicts.length > 0) throw invalidFields(ctx.locale, conflicts);
      const changed = yearFields.filter((f) => f in given && (!recorded || !sameValue(current[f], given[f])));
      const held: YearField[] = mode === 'self' ? changed.filter((f) => verifiedYearFields.includes(f)) : [];
      const direct = Object.fromEntries(
        changed.filter((f) => !held.includes(f)).map((f) => [f, given[f]]),
      ) as Partial<YearFigures>;
      const source = mode === 'apply' ? 'officer' : 'self';
      const applied = await applyYear(tx, id, year, direct, { source, actorId: actor.userId, at: now });
      if (Object.keys(applied).length > 0) {
        await writeAudit(
          tx,
          ctx,
          {
            action: 'enterprise.year_updated',
            entityType: 'enterprise',
            entityId: id,
            changes: { ...applied, source },
          },
          now,
        );
      }
      if (held.length > 0) {
        const changes = held.map((f) => ({
          field: yearFieldKey(year, f),
          oldValue: current[f],
          newValue: given[f] ?? null,
        }));
        await submitForVerification(tx, ctx, id, actor.userId, now, changes);
      }
      return detailOf(tx, id, year, await findYear(tx, id, year));
    });
  }

  return { list, get, put };
}
