/**
 * Deciding an enterprise's own changes that an officer must verify. Verifying applies the value with source `self`
 * (who proposed it, when) marked verified by the officer; rejecting keeps the recorded value and stores the reason.
 * Either way the decision is audited on the enterprise, in the transaction that makes it.
 */
import type {
  EnterpriseField,
  FieldValue,
  PendingChangeItem,
} from '@jinke/core/registry/enterprises.contract.ts';
import type { YearFigures } from '@jinke/core/registry/enterprise-years.contract.ts';
import { parseFieldKey } from '@jinke/core/registry/enterprises.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { auditValue, valuesOf, withFormerName } from './enterprise-fields.ts';
import { toPendingItem } from './enterprise-views.ts';
import { applyYear } from './enterprise-years.service.ts';
import { findEnterprise } from './enterprises.repo.ts';
import { type EnterprisesDeps, actorOf, applyProfile } from './enterprises.service.ts';
import { decidePending, listPending, lockPending, markVerified } from './provenance.repo.ts';

const changeNotFound = () => notFound({ zh: '待核实变更不存在', en: 'No such pending change' });

export function pendingChangesService(deps: EnterprisesDeps) {
  const { db, cipher, clock } = deps;

  async function list(query: {
    status: 'pending' | 'verified' | 'rejected';
    enterpriseId?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    const { rows, total } = await listPending(db, {
      status: query.status,
      enterpriseId: query.enterpriseId,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(toPendingItem), total, page: query.page, pageSize: query.pageSize };
  }

  async function decide(
    ctx: RequestContext,
    id: string,
    input: { decision: 'verify' | 'reject'; reason?: string | undefined },
  ): Promise<PendingChangeItem> {
    const actor = actorOf(ctx);
    const now = clock();
    return db.transaction(async (tx) => {
      const change = await lockPending(tx, id);
      if (!change) throw changeNotFound();
      if (change.status !== 'pending') throw new AppError('CHANGE_ALREADY_DECIDED');
      const row = await findEnterprise(tx, change.entity_id, null, true);
      const key = parseFieldKey(change.field);
      if (!row || !key) throw changeNotFound();
      const shown = (v: FieldValue) => (key.kind === 'profile' ? auditValue(key.field, v) : v);
      const base = { pendingChangeId: id, field: change.field, submittedBy: change.submitted_by };

      if (input.decision === 'reject') {
        const reason = input.reason ?? '';
        await decidePending(tx, id, { status: 'rejected', by: actor.userId, at: now, reason });
        await writeAudit(
          tx,
          ctx,
          {
            action: 'enterprise.change_rejected',
            entityType: 'enterprise',
            entityId: row.id,
            changes: { ...base, proposed: [shown(change.old_value), shown(change.new_value)], reason },
          },
          now,
        );
      } else {
        const provenance = {
          source: 'self' as const,
          actorId: change.submitted_by,
          at: new Date(change.submitted_at),
          verifiedBy: actor.userId,
          verifiedAt: now,
        };
        let applied: Record<string, unknown>;
        if (key.kind === 'profile') {
          const field: EnterpriseField = key.field;
          const next = withFormerName(valuesOf(row, cipher), { [field]: change.new_value });
          applied = await applyProfile(tx, { cipher }, row, next, provenance);
        } else {
          const changes: Partial<YearFigures> = { [key.field]: change.new_value };
          applied = await applyYear(tx, row.id, key.year, changes, provenance);
        }
        // The recorded value may already equal the proposal (the bureau entered it meanwhile): it is verified all the same.
        if (Object.keys(applied).length === 0)
          await markVerified(tx, row.id, change.field, actor.userId, now);
        await decidePending(tx, id, {
          status: 'verified',
          by: actor.userId,
          at: now,
          reason: input.reason?.trim() ? input.reason : null,
        });
        await writeAudit(
          tx,
          ctx,
          {
            action: 'enterprise.change_verified',
            entityType: 'enterprise',
            entityId: row.id,
            changes: { ...base, ...applied },
          },
          now,
        );
      }
      const decided = await lockPending(tx, id);
      return toPendingItem(decided!);
    });
  }

  return { list, decide };
}
