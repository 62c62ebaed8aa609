/**
 * Account commands for the command line (`jinke user add`, `jinke user reset-password`, `jinke seed demo` …).
 * They validate input with the same contract as the API and run through the same service, so an account made
 * here is made exactly as an administrator would make it, audited the same way.
 */
import { type z } from 'zod';
import { createUserRequest, type UserItem } from '@jinke/core/accounts/accounts.contract.ts';
import type { OfficerSection, Role } from '@jinke/core/accounts/roles.ts';
import { officerSections } from '@jinke/core/accounts/roles.ts';
import { toFieldErrors } from '@jinke/core/common/validation-messages.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type AccountsDeps, usersService } from './users.service.ts';
import { usernameExists } from './users.repo.ts';

export type { AccountsDeps } from './users.service.ts';

/** What `addUser` takes: the API's create request, plus whether the initial password must be changed (default yes). */
export type AddUserInput = z.input<typeof createUserRequest> & { mustChangePassword?: boolean };

export async function addUser(
  deps: AccountsDeps,
  ctx: RequestContext,
  input: AddUserInput,
): Promise<UserItem> {
  const { mustChangePassword, ...request } = input;
  const parsed = createUserRequest.safeParse(request);
  if (!parsed.success) {
    const fields = toFieldErrors(parsed.error.issues, ctx.locale);
    throw new AppError('VALIDATION_FAILED', {
      details: { fields },
      userMessage: {
        zh: `提交的数据有误：${toFieldErrors(parsed.error.issues, 'zh-CN')
          .map((f) => f.message)
          .join('；')}`,
        en: `The submitted data is invalid: ${toFieldErrors(parsed.error.issues, 'en-US')
          .map((f) => f.message)
          .join('; ')}`,
      },
    });
  }
  return usersService(deps).create(
    ctx,
    parsed.data,
    mustChangePassword === undefined ? {} : { mustChangePassword },
  );
}

export async function resetUserPassword(
  deps: AccountsDeps,
  ctx: RequestContext,
  username: string,
  newPassword: string,
): Promise<UserItem> {
  return usersService(deps).resetPassword(ctx, { username }, newPassword);
}

export async function unlockUser(
  deps: AccountsDeps,
  ctx: RequestContext,
  username: string,
): Promise<UserItem> {
  return usersService(deps).unlock(ctx, { username });
}

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeId?: string;
  sections?: OfficerSection[];
}

/** One demo account per role (PRODUCT.md: "one demo account per role"); scopes match the demo data. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'officer', displayName: '科技局业务员', role: 'officer', sections: [...officerSections] },
  { username: 'leader', displayName: '局领导', role: 'leader' },
  { username: 'town', displayName: '安海镇科技专干', role: 'town', scopeId: '350582101' },
  {
    username: 'enterprise',
    displayName: '晋江交发科技有限公司',
    role: 'enterprise',
    scopeId: '91350582MA8RFY385R',
  },
  { username: 'expert', displayName: '评审专家', role: 'expert', scopeId: 'EXP-0001' },
  { username: 'bank', displayName: '合作银行', role: 'bank', scopeId: 'BANK-0001' },
  { username: 'provider', displayName: '服务机构', role: 'provider', scopeId: 'PRV-0001' },
];

/**
 * Creates the demo accounts that do not exist yet, all with `password` and without the forced change at first
 * sign-in (a demo convenience; never run it on a production database). Existing accounts are left untouched.
 * Returns the usernames it created.
 */
export async function ensureDemoUsers(
  deps: AccountsDeps,
  ctx: RequestContext,
  password: string,
): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await usernameExists(deps.db, account.username)) continue;
    await addUser(deps, ctx, {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      scopeId: account.scopeId ?? null,
      sections: account.sections ?? [],
      initialPassword: password,
      mustChangePassword: false,
    });
    created.push(account.username);
  }
  return created;
}
