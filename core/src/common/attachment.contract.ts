/** An uploaded supporting document as the API describes it (the bytes are downloaded separately). */
import { z } from 'zod';
import { bilingual } from './validation-messages.ts';

export const attachmentInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** SM3 digest (GB/T 32905) of the bytes, 64 lower-case hex digits. */
  sm3: z.string(),
  uploadedAt: z.string(),
});
export type AttachmentInfo = z.output<typeof attachmentInfo>;

export const attachmentId = z.uuid(
  bilingual('应为附件编号（UUID）', 'must be an attachment id (a UUID)', 'uuid'),
);

export const attachmentUploadQuery = z.object({
  /** The file's name, with its extension; the body is the file itself. */
  fileName: z.string().trim().max(200).optional(),
});
