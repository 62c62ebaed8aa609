/**
 * Expert draws (随机抽取专家 + 回避, docs/rules/draws.md). Freezing reads the registry — the database applies the
 * eligibility stages, `freezeScreenedPool` the avoidance stage, with the result `freezeValidPool` gives over every
 * expert — and stores the pool whose SM3 hash is published before anyone knows the seed; seeding runs `runDraw` once; a decline
 * seats the next alternate that keeps the composition (`replaceMember`). Each change is one transaction with its
 * audit entry; a refused request writes nothing.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { drawSpec } from '@jinke/core/draws/draw.contract.ts';
import type {
  CreateDrawInput,
  DeclineInput,
  DrawDetail,
  DrawSummary,
  PublicDraw,
  SeedDrawInput,
} from '@jinke/core/draws/draws-api.contract.ts';
import { runDraw, replaceMember } from '@jinke/core/draws/draw.ts';
import { AVOIDANCE_RULES } from '@jinke/core/draws/pool.ts';
import { checkPublishedDraw, type PublishedCheck } from '@jinke/core/draws/published.ts';
import { freezeScreenedPool } from '@jinke/core/draws/screened.ts';
import { writeAudit } from '../../platform/audit.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { expertNames, instituteNames, partiesByUscc } from './draw-inputs.repo.ts';
import { readApplicants, screenedInput } from './draw-inputs.ts';
import {
  type DrawRow,
  findDraw,
  findDrawWithPool,
  insertDraw,
  insertEvent,
  listDraws,
  listEvents,
  markDrawn,
  updateCurrent,
} from './draws.repo.ts';
import {
  codesNamedIn,
  jsonOf,
  poolOf,
  toDetail,
  toPublic,
  toSummary,
  type Overridden,
} from './draws.views.ts';

type Scoped = RequestContext & { actor: Actor };

const drawNotFound = () => notFound({ zh: '抽取记录不存在', en: 'No such draw' });

/** The calendar day in China (UTC+8, no daylight saving): the avoidance windows end on it. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function overrideNotApplicable(ctx: RequestContext, items: { code: string; index: number }[]): AppError {
  const zh = (c: string) => `${c} 未因回避规则被排除，无需改判`;
  const en = (c: string) => `${c} was not excluded by an avoidance rule; there is nothing to override`;
  return new AppError('VALIDATION_FAILED', {
    userMessage: {
      zh: `提交的数据有误：${items.map((i) => zh(i.code)).join('；')}`,
      en: `The submitted data is invalid: ${items.map((i) => en(i.code)).join('; ')}`,
    },
    details: {
      fields: items.map((i) => ({
        field: `overrides.${i.index}.code`,
        message: `overrides.${i.index}.code ${ctx.locale === 'en-US' ? en(i.code) : zh(i.code)}`,
        rule: 'override_not_applicable',
      })),
    },
  });
}

export function drawsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function detailOf(ex: Executor, row: DrawRow): Promise<DrawDetail> {
    const events = await listEvents(ex, row.id);
    const applicants = jsonOf.applicants(row);
    const experts = await expertNames(ex, codesNamedIn(row, events));
    const parties = await partiesByUscc(
      ex,
      applicants.map((a) => a.uscc),
    );
    const institutes = await instituteNames(
      ex,
      applicants.flatMap((a) => a.institutes),
    );
    return toDetail(row, events, {
      experts,
      parties: new Map(parties.map((p) => [p.uscc, p.name])),
      institutes,
    });
  }

  async function create(ctx: Scoped, input: CreateDrawInput): Promise<DrawDetail> {
    const now = clock();
    const spec = drawSpec.parse({ ...input.spec, asOf: chinaDay(now) });
    const id = await db.transaction(async (tx) => {
      const inputs = await readApplicants(tx, input.applicants, spec.asOf, ctx.locale);
      // OpenSSL's SM3: the same digest as core's (pinned by core's SM3 tests), several times faster.
      const frozen = freezeScreenedPool(await screenedInput(tx, spec, inputs, input.overrides), sm3Hex);
      const { applicants } = inputs;
      if (!frozen.ok) {
        throw new AppError('DRAW_POOL_TOO_SMALL', {
          userMessage: { zh: frozen.problem.zh, en: frozen.problem.en },
          details: { constraint: frozen.problem.constraint, funnel: frozen.funnel },
        });
      }
      const applied = new Set(frozen.overridden.map((o) => o.code));
      const idle = input.overrides.flatMap((o, index) =>
        applied.has(o.code) ? [] : [{ code: o.code, index }],
      );
      if (idle.length > 0) throw overrideNotApplicable(ctx, idle);
      const overridden: Overridden[] = frozen.overridden;
      const drawId = await insertDraw(tx, {
        title: input.title,
        subject: input.subject,
        spec: frozen.pool.spec,
        applicants,
        overrides: overridden,
        poolText: frozen.poolText,
        poolHash: frozen.poolHash,
        poolSize: frozen.pool.eligible.length,
        // Eligibility exclusions are counted in the funnel; the avoidance ones keep their reasons.
        excluded: frozen.excluded.filter((e) => AVOIDANCE_RULES.includes(e.rule)),
        funnel: frozen.funnel,
        algorithm: frozen.pool.algorithm,
        createdBy: ctx.actor.userId,
        frozenAt: now,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'draw.frozen',
          entityType: 'draw',
          entityId: drawId,
          changes: {
            title: [null, input.title],
            subject: [null, input.subject],
            applicants: [null, input.applicants],
            poolSm3: [null, frozen.poolHash],
            poolSize: [null, frozen.pool.eligible.length],
            overrides: [null, overridden],
          },
        },
        now,
      );
      return drawId;
    });
    return get(id);
  }

  async function seed(ctx: Scoped, id: string, input: SeedDrawInput): Promise<DrawDetail> {
    const now = clock();
    await db.transaction(async (tx) => {
      const row = await findDrawWithPool(tx, id, true);
      if (!row) throw drawNotFound();
      if (row.status !== 'frozen') throw new AppError('DRAW_ALREADY_SEEDED');
      // A stored pool text that hashes to the published hash is drawn under that hash without hashing its parsed
      // form again (the same bytes); anything else is hashed as before.
      const checked = row.pool_text !== null && sm3Hex(row.pool_text) === row.pool_hash;
      const outcome = runDraw(poolOf(row), input.seed, checked ? row.pool_hash : undefined);
      if (!outcome.ok) {
        throw new AppError('VALIDATION_FAILED', {
          userMessage: { zh: outcome.problem.zh, en: outcome.problem.en },
          details: {
            fields: [
              {
                field: 'seed',
                message: `seed ${ctx.locale === 'en-US' ? outcome.problem.en : outcome.problem.zh}`,
                rule: outcome.problem.constraint,
              },
            ],
          },
        });
      }
      const changed = await markDrawn(tx, id, {
        seed: outcome.seed,
        seedSource: input.seedSource,
        key: outcome.key,
        panel: outcome.panel,
        alternates: outcome.alternates,
        drawnAt: now,
      });
      if (!changed) throw new AppError('DRAW_ALREADY_SEEDED');
      await writeAudit(
        tx,
        ctx,
        {
          action: 'draw.drawn',
          entityType: 'draw',
          entityId: id,
          changes: {
            status: ['frozen', 'drawn'],
            seed: [null, outcome.seed],
            seedSource: [null, input.seedSource],
            key: [null, outcome.key],
            panel: [null, outcome.panel],
            alternates: [null, outcome.alternates],
          },
        },
        now,
      );
    });
    return get(id);
  }

  async function decline(ctx: Scoped, id: string, input: DeclineInput): Promise<DrawDetail> {
    const now = clock();
    await db.transaction(async (tx) => {
      const row = await findDrawWithPool(tx, id, true);
      if (!row) throw drawNotFound();
      if (row.status !== 'drawn' || !row.current_panel || !row.current_alternates)
        throw new AppError('DRAW_NOT_DRAWN');
      const before = { panel: row.current_panel, alternates: row.current_alternates };
      const step = replaceMember(poolOf(row), before, input.code);
      if (!step.ok) {
        const code = step.problem.constraint === 'member' ? 'DRAW_NOT_MEMBER' : 'DRAW_NO_ALTERNATE';
        throw new AppError(code, {
          userMessage: { zh: step.problem.zh, en: step.problem.en },
          details: { constraint: step.problem.constraint, code: input.code },
        });
      }
      await updateCurrent(tx, id, step.panel, step.alternates);
      const seq = await insertEvent(tx, id, {
        kind: input.kind,
        code: input.code,
        replacement: step.replacement,
        reason: input.reason,
        actorId: ctx.actor.userId,
        at: now,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'draw.member_replaced',
          entityType: 'draw',
          entityId: id,
          changes: {
            event: seq,
            kind: input.kind,
            reason: input.reason,
            leaving: input.code,
            replacement: step.replacement,
            panel: [before.panel, step.panel],
            alternates: [before.alternates, step.alternates],
          },
        },
        now,
      );
    });
    return get(id);
  }

  async function list(query: { page: number; pageSize: number }) {
    const { rows, total } = await listDraws(db, query.pageSize, (query.page - 1) * query.pageSize);
    const items: DrawSummary[] = rows.map(toSummary);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async function get(id: string): Promise<DrawDetail> {
    const row = await findDraw(db, id);
    if (!row) throw drawNotFound();
    return detailOf(db, row);
  }

  async function publicRecord(id: string): Promise<PublicDraw> {
    const row = await findDrawWithPool(db, id);
    if (!row) throw drawNotFound();
    return toPublic(row, await listEvents(db, id));
  }

  /** Re-runs the stored record as the public page does (`npx jinke draws verify`). */
  async function verifyStored(id: string): Promise<PublishedCheck> {
    return checkPublishedDraw(await publicRecord(id));
  }

  return { create, seed, decline, list, get, publicRecord, verifyStored };
}
