/**
 * Rules about the shape of an account, independent of storage: which scope a role takes, who works in
 * sections, and what an administrator may not do to their own account.
 */
import type { Actor, OfficerSection, Role, ScopeType } from '@jinke/core/accounts/roles.ts';
import { officerSections, roleLabels, scopeTypeOfRole } from '@jinke/core/accounts/roles.ts';
import { normaliseScopeId, scopeIdHasShape, scopeShapeMessages } from '@jinke/core/accounts/scopes.ts';
import { AppError } from '../../platform/errors.ts';

/** Only administrators manage accounts (PRODUCT.md "Who uses it": admin — users, roles). */
export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function scopeError(zh: string, en: string, rule: string): AppError {
  return new AppError('SCOPE_INVALID', {
    userMessage: { zh: `所属范围无效：scopeId ${zh}`, en: `The scope is invalid: scopeId ${en}` },
    details: { fields: [{ field: 'scopeId', message: `scopeId ${zh} / scopeId ${en}`, rule }] },
  });
}

/**
 * The scope a role takes: bureau-wide roles take none, every other role exactly one id of its scope type,
 * in the right shape. Whether the record exists is checked by the service against the database.
 */
export function resolveScope(
  role: Role,
  scopeId: string | null | undefined,
): { scopeType: ScopeType | null; scopeId: string | null } {
  const scopeType = scopeTypeOfRole[role];
  const given = scopeId?.trim() ? scopeId.trim() : null;
  if (!scopeType) {
    if (given) {
      const label = roleLabels[role];
      throw scopeError(
        `不适用：${label.zh}为全局角色，不能指定所属范围`,
        `does not apply: ${label.en} is a bureau-wide role`,
        'scope_not_allowed',
      );
    }
    return { scopeType: null, scopeId: null };
  }
  if (!given) {
    const label = roleLabels[role];
    throw scopeError(
      `为必填项：${label.zh}须指定所属范围`,
      `is required: a ${label.en} account needs a scope`,
      'scope_required',
    );
  }
  const id = normaliseScopeId(scopeType, given);
  if (!scopeIdHasShape(scopeType, id)) {
    const m = scopeShapeMessages[scopeType];
    throw scopeError(m.zh, m.en, 'scope_shape');
  }
  return { scopeType, scopeId: id };
}

/** Sections belong to officers only; duplicates are dropped and the order is the catalogue's. */
export function resolveSections(role: Role, sections: readonly OfficerSection[]): OfficerSection[] {
  if (role !== 'officer') {
    if (sections.length > 0) {
      throw new AppError('SECTIONS_INVALID', {
        details: {
          fields: [
            {
              field: 'sections',
              message: 'sections 只适用于科技局工作人员 / sections apply to bureau officers only',
              rule: 'sections_officer_only',
            },
          ],
        },
      });
    }
    return [];
  }
  return officerSections.filter((s) => sections.includes(s));
}

/** An administrator cannot disable their own account or give up the admin role: someone must keep the keys. */
export function assertNotSelfLockout(
  actor: Actor | null,
  targetId: string,
  next: { role: Role; disabled: boolean },
): void {
  if (!actor || actor.userId !== targetId) return;
  if (next.disabled || next.role !== 'admin') throw new AppError('SELF_LOCKOUT');
}
