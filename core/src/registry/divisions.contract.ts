import { z } from 'zod';

export const divisionKind = z.enum(['county', 'street', 'town', 'zone']);

export const divisionItem = z.object({
  code: z.string(),
  name: z.string(),
  kind: divisionKind,
  parentCode: z.string().nullable(),
});
export type DivisionItem = z.infer<typeof divisionItem>;

export const divisionList = z.object({ items: z.array(divisionItem) });
