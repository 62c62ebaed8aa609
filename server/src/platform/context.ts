import type { Actor } from '@jinke/core/accounts/roles.ts';
import type { Locale } from '@jinke/core/common/errors.ts';

/** What a service knows of the request it serves: who acts, for the audit chain and policies. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  locale: Locale;
}

/** Context for work started from the command line or at start-up (seeding, migrations). */
export function systemContext(action = 'system'): RequestContext {
  return { actor: null, requestId: `cli-${action}-${Date.now()}`, ip: null, locale: 'zh-CN' };
}

/**
 * Who the services see as reading when the command line acts: bureau-wide, no scope. It chooses rows only; the
 * command's changes and audit entries stay the system's (`systemContext`), and it is never written anywhere.
 */
export const COMMAND_LINE_READER: Actor = {
  userId: 'command-line',
  username: 'jinke',
  role: 'admin',
  scopeType: null,
  scopeId: null,
  sections: [],
};
