/** Contracts of research institutes and innovation platforms (高校、科研院所、新型研发机构、创新平台). */
import { z } from 'zod';
import { pageQuery, searchText, townCodeSchema, usccSchema } from './parties.contract.ts';

export const instituteKindSchema = z.enum([
  'university',
  'research_institute',
  'new_rnd_institution',
  'platform',
]);
export type InstituteKind = z.infer<typeof instituteKindSchema>;

export const instituteKindNames: Record<InstituteKind, { zh: string; en: string }> = {
  university: { zh: '高等院校', en: 'University' },
  research_institute: { zh: '科研院所', en: 'Research institute' },
  new_rnd_institution: { zh: '新型研发机构', en: 'New R&D institution' },
  platform: { zh: '创新平台', en: 'Innovation platform' },
};

export const instituteItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: instituteKindSchema,
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InstituteItem = z.infer<typeof instituteItem>;

export const createInstituteRequest = z.object({
  name: z.string().trim().min(1).max(200),
  kind: instituteKindSchema,
  uscc: usccSchema.nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  townCode: townCodeSchema.nullable().optional(),
});
export type CreateInstituteInput = z.output<typeof createInstituteRequest>;
export const updateInstituteRequest = createInstituteRequest.partial();
export type UpdateInstituteInput = z.output<typeof updateInstituteRequest>;

export const instituteListQuery = z.object({
  q: searchText,
  kind: instituteKindSchema.optional(),
  town: townCodeSchema.optional(),
  ...pageQuery,
});
export type InstituteListQuery = z.output<typeof instituteListQuery>;
export const instituteList = z.object({
  items: z.array(instituteItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
