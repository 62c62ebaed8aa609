/** Contracts of the accounts endpoints: sign-in, the current user, sessions and user administration. */
import { z } from 'zod';
import { officerSections, roles, scopeTypes } from './roles.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, {
    message: '2–32 characters: letters, digits, . _ -',
    params: { zh: '用户名须为 2–32 位字母、数字或 . _ -', en: 'must be 2–32 letters, digits or . _ -' },
  });

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
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionList = z.object({ items: z.array(sessionItem) });

export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, {
  message: 'a mainland mobile number of 11 digits',
  params: { zh: '手机号应为 11 位大陆手机号码', en: 'must be an 11-digit mainland mobile number' },
});

export const userItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scopeType: scopeTypeSchema.nullable(),
  scopeId: z.string().nullable(),
  sections: z.array(sectionSchema),
  phone: z.string().nullable(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
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

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(64),
  role: roleSchema,
  scopeId: z.string().trim().min(1).max(64).nullable().optional(),
  sections: z.array(sectionSchema).default([]),
  phone: phoneSchema.nullable().optional(),
  initialPassword: z.string().min(1).max(256),
});

export const updateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: roleSchema.optional(),
  scopeId: z.string().trim().min(1).max(64).nullable().optional(),
  sections: z.array(sectionSchema).optional(),
  phone: phoneSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});

export const resetPasswordRequest = z.object({ newPassword: z.string().min(1).max(256) });

export const idParams = z.object({ id: z.uuid() });
export const okResponse = z.object({ ok: z.literal(true) });
