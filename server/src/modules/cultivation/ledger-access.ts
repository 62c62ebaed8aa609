/**
 * Whose ledger a request is about. An enterprise user works on its own enterprise (found by its credit code; naming
 * another enterprise answers 404); the bureau's roles and towns name the enterprise (`enterpriseId`), within their
 * scope (404 outside it).
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { ledgerEnterpriseNotFound, ledgerInvalid } from './ledger.errors.ts';
import { ledgerScope } from './ledger.policy.ts';
import { type LedgerEnterpriseRow, findLedgerEnterprise, findLedgerEnterpriseByUscc } from './ledger.repo.ts';

/** The signed-in actor; without one (the command line, acting as the system) `reader` chooses what is seen. */
export function ledgerActor(ctx: RequestContext, reader?: Actor): Actor {
  const actor = ctx.actor ?? reader;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export async function ledgerEnterpriseOf(
  ex: Executor,
  ctx: RequestContext,
  enterpriseId: string | undefined,
  reader?: Actor,
): Promise<LedgerEnterpriseRow> {
  const actor = ledgerActor(ctx, reader);
  if (actor.role === 'enterprise') {
    const own = actor.scopeId ? await findLedgerEnterpriseByUscc(ex, actor.scopeId) : null;
    if (!own || (enterpriseId !== undefined && enterpriseId !== own.id)) throw ledgerEnterpriseNotFound();
    return own;
  }
  if (enterpriseId === undefined)
    throw ledgerInvalid(ctx.locale, [
      { field: 'enterpriseId', zh: '为必填项（请指定企业）', en: 'is required (name the enterprise)', rule: 'required' },
    ]);
  const row = await findLedgerEnterprise(ex, enterpriseId, ledgerScope(actor));
  if (!row) throw ledgerEnterpriseNotFound();
  return row;
}
