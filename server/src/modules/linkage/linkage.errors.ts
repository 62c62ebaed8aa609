/** Error codes of leader–enterprise linkage (挂钩联系), in both languages. */
import { defineErrors } from '@jinke/core/common/errors.ts';

export const linkageErrors = defineErrors({
  LINKAGE_NOT_LINKED: {
    status: 403,
    zh: '您未挂钩联系该企业，不能为其登记走访或问题',
    en: 'You are not linked to this enterprise, so you cannot record visits or problems for it',
  },
  LINKAGE_ALREADY_LINKED: {
    status: 409,
    zh: '该领导已挂钩联系该企业',
    en: 'The leader is already linked to this enterprise',
  },
  LINKAGE_LINK_ENDED: {
    status: 409,
    zh: '该挂钩关系已解除',
    en: 'This link has already ended',
  },
});
