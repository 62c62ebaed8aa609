/** Background jobs as `GET /api/jobs/:id` answers them: status and progress for a progress bar, then the result or the error. */
import { z } from 'zod';

export const jobIdParams = z.object({ id: z.uuid() });

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobItem = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  progress: z.number().int(),
  total: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.unknown(),
  error: z
    .object({ code: z.string(), message: z.string(), zh: z.string(), en: z.string(), details: z.unknown() })
    .nullable(),
});
export type JobItem = z.infer<typeof jobItem>;
