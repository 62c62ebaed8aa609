/** Calls of the accounts endpoints (sign-in, own account, user administration), typed from core's contracts. */
import type { z } from 'zod';
import type {
  Me,
  UserItem,
  changePasswordRequest,
  createUserRequest,
  loginRequest,
  sessionItem,
  updateUserRequest,
  userList,
} from '@jinke/core/accounts/accounts.contract.ts';
import type { Role } from '@jinke/core/accounts/roles.ts';
import { http, isApiError, setCsrfToken } from '../../lib/http.ts';

export type { Me, UserItem };
export type LoginInput = z.input<typeof loginRequest>;
export type ChangePasswordInput = z.input<typeof changePasswordRequest>;
export type SessionItem = z.infer<typeof sessionItem>;
export type UserList = z.infer<typeof userList>;
export type CreateUserInput = z.input<typeof createUserRequest>;
export type UpdateUserInput = z.input<typeof updateUserRequest>;

export const accountKeys = {
  me: ['me'] as const,
  sessions: ['account', 'sessions'] as const,
  users: ['users'] as const,
  userList: (query: UserListQuery) => ['users', 'list', query] as const,
};

/** The signed-in user, or null when there is no valid session. Keeps the CSRF token for later writes. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await http.get<Me>('/api/auth/me', { sessionEvents: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: LoginInput): Promise<Me> {
  const me = await http.post<Me>('/api/auth/login', input, { sessionEvents: false });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await http.post('/api/auth/logout', undefined, { sessionEvents: false });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(input: ChangePasswordInput): Promise<{ ok: true }> {
  return http.post('/api/auth/password', input);
}

export function listSessions(): Promise<{ items: SessionItem[] }> {
  return http.get('/api/account/sessions');
}

export function revokeSession(id: string): Promise<unknown> {
  return http.delete(`/api/account/sessions/${encodeURIComponent(id)}`);
}

export interface UserListQuery {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export function listUsers(query: UserListQuery): Promise<UserList> {
  return http.get('/api/users', { query: { q: query.q, role: query.role, page: query.page, pageSize: query.pageSize } });
}

/** One user; with `revealPhone` the clear phone number (the server records that it was revealed). */
export function getUser(id: string, revealPhone = false): Promise<UserItem> {
  return http.get(`/api/users/${encodeURIComponent(id)}`, { query: { reveal: revealPhone ? 'phone' : undefined } });
}

export function createUser(input: CreateUserInput): Promise<UserItem> {
  return http.post('/api/users', input);
}

export function updateUser(id: string, input: UpdateUserInput): Promise<UserItem> {
  return http.patch(`/api/users/${encodeURIComponent(id)}`, input);
}

export function resetUserPassword(id: string, newPassword: string): Promise<unknown> {
  return http.post(`/api/users/${encodeURIComponent(id)}/reset-password`, { newPassword });
}

export function unlockUser(id: string): Promise<unknown> {
  return http.post(`/api/users/${encodeURIComponent(id)}/unlock`);
}

export function revokeUserSessions(id: string): Promise<unknown> {
  return http.post(`/api/users/${encodeURIComponent(id)}/revoke-sessions`);
}
