/**
 * Attachments (附件): a supporting document uploaded as the raw request body, kept in the database with its name,
 * type, size and SM3 digest (GB/T 32905), so what was relied on can be proven unchanged later. Only a few document
 * types are accepted — PDF, OFD, Word, Excel, PNG and JPEG — each checked by its leading bytes as well as its
 * declared Content-Type, and at most 10 MB. A module stores one inside the transaction that uses it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sm3Hex } from '@jinke/core/common/sm3.ts';
import type { Locale } from '@jinke/core/common/errors.ts';
import type { Executor } from './db/index.ts';
import { AppError } from './errors.ts';
import { XLSX_CONTENT_TYPE } from './xlsx.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Accepted types: the Content-Type, the name's extensions and the bytes a real file of the type starts with. */
export const ATTACHMENT_TYPES: readonly {
  type: string;
  extensions: string[];
  magic: number[];
  label: string;
}[] = [
  { type: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d], label: 'PDF' },
  { type: 'application/ofd', extensions: ['ofd'], magic: ZIP, label: 'OFD' },
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: ZIP,
    label: 'Word (.docx)',
  },
  { type: XLSX_CONTENT_TYPE, extensions: ['xlsx'], magic: ZIP, label: 'Excel (.xlsx)' },
  {
    type: 'image/png',
    extensions: ['png'],
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    label: 'PNG',
  },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff], label: 'JPEG' },
];

const accepted = ATTACHMENT_TYPES.map((t) => t.label).join('、');

export interface AttachmentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sm3: string;
  uploadedAt: string;
}

/** Lets the app take each accepted type as a raw body (types another module registered are left as they are). */
export function acceptAttachmentBodies(app: FastifyInstance): void {
  for (const { type } of ATTACHMENT_TYPES)
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
        (_r, body, done) => done(null, body),
      );
}

function invalid(locale: Locale, rule: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    userMessage: { zh: `附件有误：${zh}`, en: `The attachment is invalid: ${en}` },
    details: { fields: [{ field: 'file', message: locale === 'en-US' ? en : zh, rule }] },
  });
}

/**
 * The upload, checked: a non-empty body of an accepted type whose bytes and file name agree with it, within the
 * size limit. A refused file answers 400 naming `file` and what is wrong, in both languages.
 */
export function checkedAttachment(
  request: FastifyRequest,
  fileName: string | undefined,
  locale: Locale,
): { fileName: string; contentType: string; content: Buffer } {
  const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = ATTACHMENT_TYPES.find((t) => t.type === declared);
  if (!kind)
    throw invalid(
      locale,
      'type',
      `不支持的文件类型 ${declared || '（未声明）'}，请上传 ${accepted}`,
      `type ${declared || '(none)'} is not accepted; upload ${ATTACHMENT_TYPES.map((t) => t.label).join(', ')}`,
    );
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw invalid(
      locale,
      'empty',
      '文件为空，请以文件内容作为请求体上传',
      'the file is empty; send its bytes as the body',
    );
  if (body.length > MAX_ATTACHMENT_BYTES)
    throw invalid(locale, 'size', '文件超过 10 MB', 'the file is larger than 10 MB');
  if (!kind.magic.every((b, i) => body[i] === b))
    throw invalid(
      locale,
      'content',
      `文件内容不是 ${kind.label} 文件`,
      `the content is not a ${kind.label} file`,
    );
  const name = (fileName ?? '').trim();
  const control = [...name].some((ch) => ch.charCodeAt(0) < 0x20);
  if (name === '' || name.length > 200 || control || /[/\\]/.test(name))
    throw invalid(
      locale,
      'name',
      '请提供文件名（fileName，不超过 200 字，不含路径）',
      'give the file name (fileName, at most 200 characters, no path)',
    );
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (!kind.extensions.includes(extension))
    throw invalid(
      locale,
      'extension',
      `文件名应以 .${kind.extensions.join(' 或 .')} 结尾`,
      `the file name should end in .${kind.extensions.join(' or .')}`,
    );
  return { fileName: name, contentType: kind.type, content: body };
}

export async function storeAttachment(
  ex: Executor,
  file: { purpose: string; fileName: string; contentType: string; content: Buffer },
  actorId: string | null,
  now: Date,
): Promise<AttachmentInfo> {
  const digest = sm3Hex(file.content);
  const { rows } = await ex.query<{ id: string }>(
    `INSERT INTO attachments (purpose, file_name, content_type, size, sm3, content, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      file.purpose,
      file.fileName,
      file.contentType,
      file.content.length,
      digest,
      file.content,
      actorId,
      now.toISOString(),
    ],
  );
  return {
    id: rows[0]!.id,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.content.length,
    sm3: digest,
    uploadedAt: now.toISOString(),
  };
}

const INFO_COLUMNS = `id, file_name AS "fileName", content_type AS "contentType", size, sm3,
  to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt"`;

/** An attachment's description (no content), when it exists and serves `purpose`. */
export async function attachmentInfo(
  ex: Executor,
  id: string,
  purpose: string,
): Promise<AttachmentInfo | null> {
  const { rows } = await ex.query<AttachmentInfo>(
    `SELECT ${INFO_COLUMNS} FROM attachments WHERE id = $1::uuid AND purpose = $2`,
    [id, purpose],
  );
  return rows[0] ?? null;
}

/** The attachment with its bytes, for download. */
export async function readAttachment(
  ex: Executor,
  id: string,
): Promise<(AttachmentInfo & { content: Buffer }) | null> {
  const { rows } = await ex.query<AttachmentInfo & { content: Buffer | Uint8Array }>(
    `SELECT ${INFO_COLUMNS}, content FROM attachments WHERE id = $1::uuid`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row, content: Buffer.from(row.content) } : null;
}
