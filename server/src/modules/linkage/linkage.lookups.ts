/** The rows a linkage request names, checked: an unknown one is a 400 naming the field. */
import type { Executor } from '../../platform/db/index.ts';
import * as repo from './linkage.repo.ts';
import { fieldError, type Scoped } from './linkage.views.ts';

export async function enterpriseOf(ex: Executor, ctx: Scoped, id: string, field = 'enterpriseId') {
  const e = await repo.enterpriseById(ex, id);
  if (!e)
    throw fieldError(
      ctx.locale,
      field,
      'unknown_enterprise',
      '不是已登记的企业',
      'is not a registered enterprise',
    );
  return e;
}

export async function userOfRole(
  ex: Executor,
  ctx: Scoped,
  id: string,
  role: 'leader' | 'officer',
  field: string,
) {
  const u = await repo.userById(ex, id);
  if (!u || u.role !== role || !u.active)
    throw fieldError(
      ctx.locale,
      field,
      `unknown_${role}`,
      role === 'leader' ? '不是在用的局领导账号' : '不是在用的科技局工作人员账号',
      role === 'leader' ? 'is not an active leader account' : 'is not an active officer account',
    );
  return u;
}
