/** A random initial password that passes the policy, for an administrator to hand over. */
import { checkPassword } from '@jinke/core/accounts/password-policy.ts';

// Look-alike characters (0/O, 1/l/I) are left out: the password is read aloud or copied by hand.
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_+=?'];

function pick(alphabet: string): string {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return alphabet[value % alphabet.length] ?? '';
}

export function generatePassword(username: string, length = 14): string {
  for (;;) {
    const chars = CLASSES.map(pick);
    const all = CLASSES.join('');
    while (chars.length < length) chars.push(pick(all));
    // Fisher–Yates so the guaranteed characters do not sit at the start.
    for (let i = chars.length - 1; i > 0; i--) {
      const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
      const j = value % (i + 1);
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    }
    const password = chars.join('');
    if (checkPassword(password, username).length === 0) return password;
  }
}
