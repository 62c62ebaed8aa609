/**
 * Enterprises: read within the actor's scope with provenance and pending changes, create, change
 * (applied by the bureau, or proposed by the enterprise itself where an officer must verify), verify a field and
 * read the history. Every change is audited in its transaction with the field diff; the contact phone is SM4 at
 * rest, masked in answers, and revealed only on an audited request.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import type {
  CreateEnterpriseInput,
  EnterpriseDetail,
  EnterpriseField,
  FieldValue,
  UpdateEnterpriseInput,
} from '@jinke/core/registry/enterprises.contract.ts';
import {
  enterpriseFields,
  parseFieldKey,
  verifiedEnterpriseFields,
} from '@jinke/core/registry/enterprises.contract.ts';
import { chinaDate } from '@jinke/core/registry/qualifications.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type ProfileValues,
  auditDiff,
  auditValue,
  changedFields,
  columnsFor,
  searchTokens,
  valuesOf,
  withFormerName,
} from './enterprise-fields.ts';
import { buildDetail } from './enterprise-views.ts';
import { type FieldProblem, enterpriseNotFound, invalidFields, usccTaken } from './enterprises.errors.ts';
import {
  type EnterpriseRow,
  divisionKind,
  findByUscc,
  findEnterprise,
  insertEnterprise,
  listHistory,
  moveEnterpriseAccounts,
  updateEnterprise,
} from './enterprises.repo.ts';
import {
  type ProvenanceRecord,
  listProvenance,
  markVerified,
  recordProvenance,
  upsertPending,
} from './provenance.repo.ts';
import { changeMode, enterpriseScope } from './registry.policy.ts';

export interface EnterprisesDeps {
  db: Database;
  cipher: PersonalDataCipher;
  clock: () => Date;
}

export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** The enterprise if the actor may see it; 404 otherwise, whether it exists or not. */
export async function visibleEnterprise(
  ex: Executor,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<EnterpriseRow> {
  const row = await findEnterprise(ex, id, enterpriseScope(actor), forUpdate);
  if (!row) throw enterpriseNotFound();
  return row;
}

/** Rules that need the database or the clock: the town must be one of the county's, registration not in the future. */
async function checkReferences(
  ex: Executor,
  ctx: RequestContext,
  next: Partial<ProfileValues>,
  today: string,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (typeof next.townCode === 'string') {
    const kind = await divisionKind(ex, next.townCode);
    if (kind === null || kind === 'county') {
      problems.push({
        field: 'townCode',
        zh: '不是本县（市）的镇、街道或园区区划代码',
        en: 'is not a town, street or zone of the county',
        rule: 'town_unknown',
      });
    }
  }
  if (typeof next.registeredOn === 'string' && next.registeredOn > today) {
    problems.push({
      field: 'registeredOn',
      zh: `不能晚于今天（${today}）`,
      en: `cannot be later than today (${today})`,
      rule: 'date_in_future',
    });
  }
  if (problems.length > 0) throw invalidFields(ctx.locale, problems);
}

/**
 * Writes the changed profile fields with their provenance and returns the audit diff (empty when nothing
 * changed). A new USCC must be free, and the enterprise's accounts follow it.
 */
export async function applyProfile(
  tx: Executor,
  deps: Pick<EnterprisesDeps, 'cipher'>,
  row: EnterpriseRow,
  next: Partial<ProfileValues>,
  provenance: ProvenanceRecord,
): Promise<Record<string, unknown>> {
  const current = valuesOf(row, deps.cipher);
  const fields = changedFields(current, next);
  if (fields.length === 0) return {};
  const after: ProfileValues = { ...current, ...next };
  const changes: Record<string, unknown> = auditDiff(current, after, fields);
  if (fields.includes('uscc')) {
    const uscc = String(after.uscc);
    const holder = await findByUscc(tx, uscc);
    if (holder && holder.id !== row.id) throw usccTaken(uscc, holder);
    const moved = await moveEnterpriseAccounts(tx, row.uscc, uscc);
    if (moved > 0) changes.accountsMoved = moved;
  }
  await updateEnterprise(tx, row.id, columnsFor(after, fields, deps.cipher), provenance.at);
  await recordProvenance(tx, row.id, fields, provenance);
  return changes;
}

/** The fields the request names; `null` (clear) is kept, absent fields are not. */
function defined(input: UpdateEnterpriseInput): Partial<ProfileValues> {
  const out: Partial<ProfileValues> = {};
  for (const f of enterpriseFields) if (input[f] !== undefined) out[f] = input[f];
  return out;
}

/**
 * Holds an enterprise's own changes for an officer to verify: one pending change per field (a later submission
 * replaces an earlier one) and one audit entry listing them, in the caller's transaction.
 */
export async function submitForVerification(
  tx: Executor,
  ctx: RequestContext,
  enterpriseId: string,
  submittedBy: string,
  now: Date,
  changes: { field: string; oldValue: FieldValue; newValue: FieldValue }[],
): Promise<void> {
  const submitted: Record<string, unknown> = {};
  const ids: string[] = [];
  for (const c of changes) {
    ids.push(await upsertPending(tx, { entityId: enterpriseId, ...c, submittedBy, at: now }));
    submitted[c.field] = [c.oldValue, c.newValue];
  }
  await writeAudit(
    tx,
    ctx,
    {
      action: 'enterprise.change_submitted',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { ...submitted, pendingChangeIds: ids },
    },
    now,
  );
}

export function enterprisesService(deps: EnterprisesDeps) {
  const { db, cipher, clock } = deps;

  /** One enterprise; with `revealPhone` (officers and administrators) the phone comes back in clear and the read is audited. */
  async function get(
    ctx: RequestContext,
    id: string,
    options: { revealPhone?: boolean } = {},
  ): Promise<EnterpriseDetail> {
    const actor = actorOf(ctx);
    const now = clock();
    if (!options.revealPhone)
      return buildDetail(db, await visibleEnterprise(db, actor, id), { cipher, now, revealPhone: false });
    return db.transaction(async (tx) => {
      const row = await visibleEnterprise(tx, actor, id);
      if (row.contact_phone_enc) {
        await writeAudit(
          tx,
          ctx,
          {
            action: 'personal_data.read',
            entityType: 'enterprise',
            entityId: id,
            changes: { fields: ['contactPhone'] },
          },
          now,
        );
      }
      return buildDetail(tx, row, { cipher, now, revealPhone: true });
    });
  }

  async function create(ctx: RequestContext, input: CreateEnterpriseInput): Promise<EnterpriseDetail> {
    const actor = actorOf(ctx);
    const now = clock();
    const values: ProfileValues = { ...input };
    await checkReferences(db, ctx, values, chinaDate(now));
    try {
      return await db.transaction(async (tx) => {
        const holder = await findByUscc(tx, input.uscc);
        if (holder) throw usccTaken(input.uscc, holder);
        const id = await insertEnterprise(
          tx,
          { ...columnsFor(values, enterpriseFields, cipher), search_tokens: searchTokens(values) },
          now,
        );
        const given = enterpriseFields.filter((f) => {
          const v = values[f];
          return v !== null && !(Array.isArray(v) && v.length === 0);
        });
        await recordProvenance(tx, id, given, { source: 'officer', actorId: actor.userId, at: now });
        const changes = Object.fromEntries(given.map((f) => [f, auditValue(f, values[f])]));
        await writeAudit(
          tx,
          ctx,
          { action: 'enterprise.created', entityType: 'enterprise', entityId: id, changes },
          now,
        );
        return buildDetail(tx, (await findEnterprise(tx, id, null))!, { cipher, now, revealPhone: false });
      });
    } catch (error) {
      // Two officers registering the same code at once: the second meets the unique index.
      if (isUniqueViolation(error)) {
        const holder = await findByUscc(db, input.uscc);
        if (holder) throw usccTaken(input.uscc, holder);
      }
      throw error;
    }
  }

  /**
   * The bureau's changes apply at once (source officer). An enterprise's own changes to fields an officer must
   * verify (name, USCC, staff, revenue) become pending changes; its other changes apply at once (source self).
   */
  async function update(
    ctx: RequestContext,
    id: string,
    input: UpdateEnterpriseInput,
  ): Promise<EnterpriseDetail> {
    const actor = actorOf(ctx);
    const mode = changeMode(actor);
    const now = clock();
    const next = defined(input);
    await checkReferences(db, ctx, next, chinaDate(now));
    return db.transaction(async (tx) => {
      const row = await visibleEnterprise(tx, actor, id, true);
      const current = valuesOf(row, cipher);
      const changed = changedFields(current, next);
      const held: EnterpriseField[] =
        mode === 'self' ? changed.filter((f) => verifiedEnterpriseFields.includes(f)) : [];
      if (mode === 'self' && held.includes('uscc')) {
        const holder = await findByUscc(tx, String(next.uscc));
        if (holder) throw usccTaken(String(next.uscc), holder);
      }
      const direct = Object.fromEntries(
        changed.filter((f) => !held.includes(f)).map((f) => [f, next[f]]),
      ) as Partial<ProfileValues>;
      const source = mode === 'apply' ? 'officer' : 'self';
      const applied = await applyProfile(tx, { cipher }, row, withFormerName(current, direct), {
        source,
        actorId: actor.userId,
        at: now,
      });
      if (Object.keys(applied).length > 0) {
        await writeAudit(
          tx,
          ctx,
          {
            action: 'enterprise.updated',
            entityType: 'enterprise',
            entityId: id,
            changes: { ...applied, source },
          },
          now,
        );
      }
      if (held.length > 0) {
        await submitForVerification(
          tx,
          ctx,
          id,
          actor.userId,
          now,
          held.map((f) => ({ field: f, oldValue: current[f], newValue: next[f] ?? null })),
        );
      }
      return buildDetail(tx, (await findEnterprise(tx, id, null))!, { cipher, now, revealPhone: false });
    });
  }

  /** An officer attests that a field's recorded value is right. */
  async function verifyField(ctx: RequestContext, id: string, field: string) {
    const actor = actorOf(ctx);
    const now = clock();
    if (!parseFieldKey(field))
      throw invalidFields(ctx.locale, [
        {
          field: 'field',
          zh: '不是可核实的企业字段',
          en: 'is not an enterprise field',
          rule: 'field_unknown',
        },
      ]);
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actor, id, true);
      if (!(await markVerified(tx, id, field, actor.userId, now))) throw new AppError('FIELD_NOT_RECORDED');
      await writeAudit(
        tx,
        ctx,
        { action: 'enterprise.field_verified', entityType: 'enterprise', entityId: id, changes: { field } },
        now,
      );
      const provenance = (await listProvenance(tx, id, field))[field];
      if (!provenance) throw new AppError('FIELD_NOT_RECORDED');
      return { field, provenance };
    });
  }

  async function history(ctx: RequestContext, id: string, paging: { page: number; pageSize: number }) {
    await visibleEnterprise(db, actorOf(ctx), id);
    const { rows, total } = await listHistory(db, id, paging.pageSize, (paging.page - 1) * paging.pageSize);
    return {
      items: rows.map((r) => ({
        seq: Number(r.seq),
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorName: r.actor_name,
        role: r.role,
        action: r.action,
        changes: r.changes,
      })),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  return { get, create, update, verifyField, history };
}
