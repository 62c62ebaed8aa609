/**
 * Who may read and change the registry's parties (PRODUCT.md "Who uses it"). Role gates run before the input is
 * validated, so a caller without the role learns nothing about the input rules; row scoping (own town, own
 * enterprise, own record) is applied in each query, and a row outside the scope answers 404, never 403.
 *
 * | entity           | read                                                    | change                          |
 * |------------------|---------------------------------------------------------|---------------------------------|
 * | patents          | bureau; town: its town; enterprise: its own patents      | officer, admin                  |
 * | experts          | bureau; expert: own record                              | officer, admin; expert: own (availability, relations, contact) |
 * | institutes       | bureau; town: its town; enterprise: all (directory)      | officer, admin                  |
 * | talents & teams  | bureau; town: its enterprises; enterprise: its own      | officer, admin                  |
 * | carriers         | bureau; town: its town; enterprise: all; provider: own  | officer, admin; provider: own figures |
 * | banks, investors | bureau; bank: own record                                | officer, admin                  |
 * "bureau" is admin, officer and leader.
 */
import type { Role } from '@jinke/core/accounts/roles.ts';
import { AppError } from '../../platform/errors.ts';

export { allowRoles } from './registry.policy.ts';

const BUREAU: Role[] = ['admin', 'officer', 'leader'];
const WRITERS: Role[] = ['admin', 'officer'];

export const partyAccess = {
  patents: { read: [...BUREAU, 'town', 'enterprise'], write: WRITERS },
  experts: { read: [...BUREAU, 'expert'], write: [...WRITERS, 'expert'], create: WRITERS },
  institutes: { read: [...BUREAU, 'town', 'enterprise'], write: WRITERS },
  talents: { read: [...BUREAU, 'town', 'enterprise'], write: WRITERS },
  carriers: {
    read: [...BUREAU, 'town', 'enterprise', 'provider'],
    write: [...WRITERS, 'provider'],
    create: WRITERS,
  },
  banks: { read: [...BUREAU, 'bank'], write: WRITERS },
} as const satisfies Record<
  string,
  { read: readonly Role[]; write: readonly Role[]; create?: readonly Role[] }
>;

/** Officers and administrators may reveal personal data of any record; the read is audited. */
export function revealsAny(role: Role): boolean {
  return role === 'admin' || role === 'officer';
}

/** A 403 naming the fields a self-service user tried to change but may not. */
export function fieldsNotEditable(fields: string[]): AppError {
  return new AppError('FIELDS_NOT_EDITABLE', {
    userMessage: {
      zh: `无权修改以下字段：${fields.join('、')}`,
      en: `You may not change these fields: ${fields.join(', ')}`,
    },
    details: {
      fields: fields.map((field) => ({
        field,
        message: `${field} 不可自行修改 / ${field} cannot be changed by you`,
        rule: 'not_editable',
      })),
    },
  });
}
