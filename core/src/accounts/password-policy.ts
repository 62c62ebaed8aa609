/**
 * Password policy: at least 10 characters, characters from at least 3 of the 4 classes
 * (upper case, lower case, digits, symbols), and not containing the username.
 */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username';

export function countCharacterClasses(password: string): number {
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes;
}

export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (countCharacterClasses(password) < 3) problems.push('too_few_classes');
  const name = username.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) problems.push('contains_username');
  return problems;
}

export const passwordProblemMessages: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `at least ${PASSWORD_MIN_LENGTH} characters` },
  too_few_classes: {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'at least 3 of: upper case, lower case, digits, symbols',
  },
  contains_username: { zh: '密码不能包含用户名', en: 'must not contain the username' },
};
