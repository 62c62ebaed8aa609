/** Account administration from the command line, through the same service and audit as the API. */
import { roles, type Role } from '@jinke/core/accounts/roles.ts';
import { systemContext } from '../platform/context.ts';
import { accountsDeps, load, UsageError, withDatabase, type Command, type Invocation } from './command.ts';

const NEW_PASSWORD_ENV = 'JINKE_NEW_PASSWORD';

function passwordFrom(inv: Invocation): string {
  const password =
    typeof inv.values.password === 'string' ? inv.values.password : inv.io.env[NEW_PASSWORD_ENV];
  if (!password)
    throw new UsageError(`give the password with --password or the environment variable ${NEW_PASSWORD_ENV}`);
  return password;
}

export const usersCommands: Command[] = [
  {
    name: 'users add',
    usage: 'jinke users add <username> --role ROLE [--scope ID] [--name NAME] [--password P]',
    summary: '新建用户 Add a user',
    help: `Roles: ${roles.join(', ')}. Town, enterprise, expert, bank and provider users need --scope
(a division code, USCC or record id). The password comes from --password or ${NEW_PASSWORD_ENV}
(prefer the variable: command lines show up in shell history). The user must change it at first sign-in.`,
    options: {
      role: { type: 'string' },
      scope: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    arity: [1, 1],
    run: (inv) => {
      const role = inv.values.role;
      if (typeof role !== 'string') throw new UsageError('--role is required');
      if (!(roles as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      const password = passwordFrom(inv);
      const username = inv.args[0]!;
      return withDatabase(inv, async (db) => {
        const { addUser } = await load.accounts();
        const user = await addUser(accountsDeps(db, inv.config), systemContext('users-add'), {
          username,
          displayName: typeof inv.values.name === 'string' ? inv.values.name : username,
          role: role as Role,
          scopeId: typeof inv.values.scope === 'string' ? inv.values.scope : null,
          initialPassword: password,
        });
        inv.out(
          `user ${user.username} added (${user.role}${user.scopeId ? ` ${user.scopeId}` : ''}); the password must be changed at first sign-in`,
        );
        return 0;
      });
    },
  },
  {
    name: 'users reset',
    usage: 'jinke users reset <username> [--password P]',
    summary: '重置密码 Reset a password',
    help: `Sets a new password (from --password or ${NEW_PASSWORD_ENV}), ends the user's sessions and makes
them change it at the next sign-in.`,
    options: { password: { type: 'string' } },
    arity: [1, 1],
    run: (inv) => {
      const password = passwordFrom(inv);
      return withDatabase(inv, async (db) => {
        const { resetUserPassword } = await load.accounts();
        const user = await resetUserPassword(
          accountsDeps(db, inv.config),
          systemContext('users-reset'),
          inv.args[0]!,
          password,
        );
        inv.out(`password of ${user.username} reset; it must be changed at the next sign-in`);
        return 0;
      });
    },
  },
  {
    name: 'users unlock',
    usage: 'jinke users unlock <username>',
    summary: '解除锁定 Unlock a user',
    help: 'Lifts the lockout after too many failed sign-ins.',
    arity: [1, 1],
    run: (inv) =>
      withDatabase(inv, async (db) => {
        const { unlockUser } = await load.accounts();
        const user = await unlockUser(
          accountsDeps(db, inv.config),
          systemContext('users-unlock'),
          inv.args[0]!,
        );
        inv.out(`user ${user.username} unlocked`);
        return 0;
      }),
  },
];
