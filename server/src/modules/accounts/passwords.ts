/** argon2id password hashing and the policy check with bilingual field errors. */
import { hash, verify } from '@node-rs/argon2';
import { checkPassword, passwordProblemMessages } from '@jinke/core/accounts/password-policy.ts';
import { AppError } from '../../platform/errors.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal valid usernames. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-Jinke-0');
  return dummyHash;
}

export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems = checkPassword(password, username);
  if (problems.length === 0) return;
  const zh = problems.map((p) => passwordProblemMessages[p].zh).join('；');
  const en = problems.map((p) => passwordProblemMessages[p].en).join('; ');
  throw new AppError('PASSWORD_POLICY', {
    userMessage: { zh: `密码不符合安全要求：${zh}`, en: `The password does not meet the policy: ${en}` },
    details: { fields: problems.map((p) => ({ field, message: `${field} ${passwordProblemMessages[p].zh} / ${passwordProblemMessages[p].en}`, rule: p })) },
  });
}
