/**
 * What officers enter on the indicators dashboard: targets with their town split (which must add up:
 * `checkTownSplit`), reported figures with the department's document where the definition requires one, and
 * those documents (platform/attachments.ts). Every change is audited in its transaction.
 */
import { Rational } from '@jinke/core/common/rational.ts';
import type { IndicatorDefinition } from '@jinke/core/indicators/definition.contract.ts';
import { checkTownSplit } from '@jinke/core/indicators/targets.ts';
import type {
  ReportedRequest,
  ReportedResponse,
  TargetRequest,
  TargetResponse,
} from '@jinke/core/indicators/api.contract.ts';
import { attachmentInfo, readAttachment, storeAttachment } from '../../platform/attachments.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { LoadedCatalogue } from './catalogue.ts';
import type { CatalogueEntry } from './catalogue.parts.ts';
import { fieldError, type Scoped } from './indicators.fields.ts';
import * as repo from './indicators.repo.ts';

/** What a reported figure's attachments are stored as. */
export const REPORTED_ATTACHMENT = 'indicator_reported';

export function indicatorWrites(deps: {
  db: Database;
  clock: () => Date;
  catalogue: LoadedCatalogue;
  entryOf: (id: string) => { entry: CatalogueEntry; def: IndicatorDefinition };
}) {
  const { db, clock, entryOf } = deps;

  async function setTarget(
    ctx: Scoped,
    year: number,
    id: string,
    body: TargetRequest,
  ): Promise<TargetResponse> {
    const { def } = entryOf(id);
    const total = Rational.parse(body.value);
    const towns = body.towns ?? [];
    if (towns.length > 0) {
      if (!def.breakdowns.includes('town'))
        throw fieldError(
          ctx.locale,
          'towns',
          'no_breakdown',
          '该指标不分镇街，不能分解目标',
          'cannot be split: the indicator has no town breakdown',
        );
      const codes = (await repo.listTowns(db)).map((t) => t.code);
      const check = checkTownSplit(
        total,
        towns.map((t) => ({ town: t.town, value: Rational.parse(t.value) })),
        codes,
      );
      if (!check.ok) throw fieldError(ctx.locale, 'towns', 'split_sum', check.zh, check.en);
    }
    const comparison = body.comparison ?? 'at_least';
    const upper = body.upper ? Rational.parse(body.upper).toDecimal(6) : null;
    if (upper !== null && Rational.parse(upper).lt(total))
      throw fieldError(
        ctx.locale,
        'upper',
        'below_value',
        '区间目标的上限不能小于目标值（下限）',
        'must not be below the target value (the lower bound of the range)',
      );
    const source = body.source ?? null;
    const now = clock();
    const rows = [{ town: '', value: body.value }, ...towns];
    return db.transaction(async (tx) => {
      const before = await repo.listTargets(tx, year, id);
      const shape = (list: { town: string; value: string }[]) =>
        Object.fromEntries(list.map((r) => [r.town || 'county', Rational.parse(r.value).toDecimal(6)]));
      const changes = diff(
        {
          ...shape(before.map((r) => ({ town: r.town_code, value: r.value }))),
          comparison: before[0]?.comparison ?? null,
          upper: before.find((r) => r.town_code === '')?.upper ?? null,
          source: before[0]?.source ?? null,
        },
        { ...shape(rows), comparison, upper, source },
      );
      await repo.replaceTargets(tx, id, year, rows, comparison, upper, source, ctx.actor.userId, now);
      if (Object.keys(changes).length > 0)
        await writeAudit(
          tx,
          ctx,
          {
            action: 'indicators.target_set',
            entityType: 'indicator_target',
            entityId: `${id}/${year}`,
            changes,
          },
          now,
        );
      const value = (v: string) => Rational.parse(v).toDecimal(6);
      return {
        indicator: id,
        year,
        value: value(body.value),
        comparison,
        upper,
        source,
        towns: towns.map((t) => ({ town: t.town, value: value(t.value) })),
      };
    });
  }

  async function setReported(
    ctx: Scoped,
    year: number,
    id: string,
    body: ReportedRequest,
  ): Promise<ReportedResponse> {
    const { def } = entryOf(id);
    if (def.source.kind !== 'reported')
      throw fieldError(
        ctx.locale,
        'id',
        'not_reported',
        '不是填报指标，其数值由系统计算',
        'is computed, not reported',
      );
    const attachment = body.attachmentId
      ? await attachmentInfo(db, body.attachmentId, REPORTED_ATTACHMENT)
      : null;
    if (body.attachmentId && !attachment)
      throw fieldError(
        ctx.locale,
        'attachmentId',
        'unknown_attachment',
        '附件不存在，请先上传附件',
        'names no uploaded attachment; upload the document first',
      );
    if (def.source.attachmentRequired && !attachment)
      throw fieldError(
        ctx.locale,
        'attachmentId',
        'attachment_required',
        `必须附上${def.source.department.zh}出具的证明材料`,
        `is required: attach the document from ${def.source.department.en}`,
      );
    const now = clock();
    const value = Rational.parse(body.value).toDecimal(6);
    const note = body.note ?? null;
    return db.transaction(async (tx) => {
      const before = (await repo.listReported(tx, year, id))[0];
      await repo.upsertReported(
        tx,
        { indicator: id, year, value, note, attachmentId: attachment?.id ?? null },
        ctx.actor.userId,
        now,
      );
      const changes = diff(
        before
          ? {
              value: Rational.parse(before.value).toDecimal(6),
              note: before.note,
              attachment: before.attachment_id,
            }
          : {},
        { value, note, attachment: attachment?.id ?? null },
      );
      if (Object.keys(changes).length > 0)
        await writeAudit(
          tx,
          ctx,
          {
            action: 'indicators.reported_set',
            entityType: 'indicator_reported',
            entityId: `${id}/${year}`,
            changes,
          },
          now,
        );
      return { indicator: id, year, value, note, attachment, recordedAt: now.toISOString() };
    });
  }

  /** Stores a department's document for a reported figure; the figure refers to it when entered. */
  async function uploadAttachment(
    ctx: Scoped,
    file: { fileName: string; contentType: string; content: Buffer },
  ) {
    const now = clock();
    return db.transaction(async (tx) => {
      const info = await storeAttachment(
        tx,
        { ...file, purpose: REPORTED_ATTACHMENT },
        ctx.actor.userId,
        now,
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'indicators.attachment_uploaded',
          entityType: 'attachment',
          entityId: info.id,
          changes: { fileName: info.fileName, size: info.size, sm3: info.sm3 },
        },
        now,
      );
      return info;
    });
  }

  /** The document a reported figure was entered with; 404 when the figure or its document is absent. */
  async function reportedAttachment(year: number, id: string) {
    entryOf(id);
    const row = (await repo.listReported(db, year, id))[0];
    const file = row?.attachment_id ? await readAttachment(db, row.attachment_id) : null;
    if (!file) throw new AppError('NOT_FOUND');
    return file;
  }

  return { setTarget, setReported, uploadAttachment, reportedAttachment };
}
