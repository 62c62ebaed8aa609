/** Contracts of the accounts endpoints: sign-in, the current user, sessions and user administration. */
import { z } from 'zod';
import { bilingual } from '../common/validation-messages.ts';
import { officerSections, roles, scopeTypes } from './roles.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (v) => /^[a-z0-9][a-z0-9._-]{1,31}$/.test(v),
    bilingual('须为 2–32 位字母、数字或 . _ -', 'must be 2–32 letters, digits or . _ -', 'username_format'),
  );

export const loginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const roleSchema = z.enum(roles);
export const scopeTypeSchema = z.enum(scopeTypes);
export const sectionSchema = z.enum(officerSections);

export const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scopeType: scopeTypeSchema.nullable(),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  sections: z.array(sectionSchema),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const sessionItem = z.object({
  /** The session's public id (16 hex characters), never the stored key. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof sessionItem>;
export const sessionList = z.object({ items: z.array(sessionItem) });
export const sessionIdParams = z.object({
  id: z.string().refine((v) => /^[0-9a-f]{16}$/.test(v), bilingual('须为 16 位十六进制会话编号', 'must be a 16-hex-character session id', 'session_id')),
});

export const phoneSchema = z
  .string()
  .refine((v) => /^1[3-9]\d{9}$/.test(v), bilingual('应为 11 位大陆手机号码', 'must be an 11-digit mainland mobile number', 'phone_format'));

export const userItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scopeType: scopeTypeSchema.nullable(),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  sections: z.array(sectionSchema),
  /** Masked (138****5678) unless the administrator asked to reveal it; the reveal is audited. */
  phone: z.string().nullable(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserItem = z.infer<typeof userItem>;

export const userListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const userList = z.object({ items: z.array(userItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const userDetailQuery = z.object({ reveal: z.enum(['phone']).optional() });

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  role: roleSchema,
  scopeId: z.string().trim().min(1).max(64).nullable().optional(),
  sections: z.array(sectionSchema).default([]),
  phone: phoneSchema.nullable().optional(),
  initialPassword: z.string().min(1).max(256),
});
export type CreateUserInput = z.output<typeof createUserRequest>;

export const updateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: roleSchema.optional(),
  scopeId: z.string().trim().min(1).max(64).nullable().optional(),
  sections: z.array(sectionSchema).optional(),
  phone: phoneSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.output<typeof updateUserRequest>;

export const resetPasswordRequest = z.object({ newPassword: z.string().min(1).max(256) });

export const idParams = z.object({ id: z.uuid() });
export const okResponse = z.object({ ok: z.literal(true) });
export const revokedResponse = z.object({ revoked: z.number().int() });
