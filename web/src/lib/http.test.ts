import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeServer, json } from '../test/fake-server.ts';
import { fieldMessage, toFormFields, applyApiError } from './form-errors.ts';
import { ApiError, attachmentName, http, setCsrfToken, setRequestLocale, setSessionEvents } from './http.ts';

describe('http client', () => {
  it('sends the CSRF token on writes when a session token is known, and never on reads', async () => {
    const server = fakeServer({
      'GET /api/things': () => json(200, { items: [] }),
      'POST /api/things': () => json(200, { ok: true }),
      'DELETE /api/things/1': () => new Response(null, { status: 204 }),
    });
    setCsrfToken('token-abc');
    await http.get('/api/things');
    await http.post('/api/things', { name: 'x' });
    await http.delete('/api/things/1');

    const [read, write, remove] = server.calls;
    expect(read?.headers.get('x-csrf-token')).toBeNull();
    expect(write?.headers.get('x-csrf-token')).toBe('token-abc');
    expect(write?.headers.get('content-type')).toBe('application/json');
    expect(write?.body).toEqual({ name: 'x' });
    expect(remove?.headers.get('x-csrf-token')).toBe('token-abc');
  });

  it('sends no CSRF header when signed out, and no content type when there is no body', async () => {
    const server = fakeServer({ 'POST /api/auth/logout': () => json(200, { ok: true }) });
    await http.post('/api/auth/logout');
    expect(server.calls[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(server.calls[0]?.headers.get('content-type')).toBeNull();
  });

  it('sends Accept-Language matching the UI language when it changes', async () => {
    const server = fakeServer({ 'GET /api/health': () => json(200, { status: 'ok' }) });
    await http.get('/api/health');
    setRequestLocale('en-US');
    await http.get('/api/health');
    expect(server.calls.map((c) => c.headers.get('accept-language'))).toEqual(['zh-CN', 'en-US']);
  });

  it('drops empty query values when building the address', async () => {
    const server = fakeServer({ 'GET /api/users': () => json(200, { items: [] }) });
    await http.get('/api/users', { query: { q: '', role: undefined, page: 2, pageSize: 20 } });
    expect(server.calls[0]?.search).toBe('?page=2&pageSize=20');
  });

  it('turns the error envelope into an ApiError with code, message, request id and field errors', async () => {
    fakeServer({
      'POST /api/users': () =>
        apiError(400, 'VALIDATION_FAILED', '提交的数据有误: username 为必填项', {
          fields: [{ field: 'username', message: 'username 为必填项' }, { field: 'phone', message: 'phone 应为 11 位大陆手机号码', rule: 'phone_format' }],
        }),
    });
    const error = await http.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiErr = error as ApiError;
    expect(apiErr.status).toBe(400);
    expect(apiErr.code).toBe('VALIDATION_FAILED');
    expect(apiErr.message).toBe('提交的数据有误: username 为必填项');
    expect(apiErr.requestId).toBe('req-1');
    expect(apiErr.fieldErrors).toEqual([
      { field: 'username', message: 'username 为必填项' },
      { field: 'phone', message: 'phone 应为 11 位大陆手机号码', rule: 'phone_format' },
    ]);
  });

  it('reports a non-envelope error (a proxy page) by its HTTP status, in the UI language', async () => {
    fakeServer({ 'GET /api/health': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    const error = (await http.get('/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('HTTP_502');
    expect(error.message).toContain('HTTP 502');
    expect(error.fieldErrors).toEqual([]);
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await http.get('/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
  });

  it('signals an expired session when an ordinary call answers 401 UNAUTHENTICATED', async () => {
    fakeServer({ 'GET /api/users': () => apiError(401, 'UNAUTHENTICATED', '请先登录') });
    const onUnauthenticated = vi.fn();
    const onPasswordChangeRequired = vi.fn();
    setSessionEvents({ onUnauthenticated, onPasswordChangeRequired });
    await expect(http.get('/api/users')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(onPasswordChangeRequired).not.toHaveBeenCalled();
  });

  it('does not signal an expired session for a wrong password at sign-in (also a 401)', async () => {
    fakeServer({ 'POST /api/auth/login': () => apiError(401, 'LOGIN_FAILED', '用户名或密码错误') });
    const onUnauthenticated = vi.fn();
    setSessionEvents({ onUnauthenticated });
    await expect(http.post('/api/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('does not signal anything when the caller handles the session itself', async () => {
    fakeServer({ 'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED', '请先登录') });
    const onUnauthenticated = vi.fn();
    setSessionEvents({ onUnauthenticated });
    await expect(http.get('/api/auth/me', { sessionEvents: false })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('signals a required password change on 403 PASSWORD_CHANGE_REQUIRED, but not on an ordinary 403', async () => {
    fakeServer({
      'GET /api/users': () => apiError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码'),
      'GET /api/audit': () => apiError(403, 'FORBIDDEN', '没有权限执行此操作'),
    });
    const onPasswordChangeRequired = vi.fn();
    const onUnauthenticated = vi.fn();
    setSessionEvents({ onPasswordChangeRequired, onUnauthenticated });
    await expect(http.get('/api/users')).rejects.toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    await expect(http.get('/api/audit')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('reads the Chinese file name of a download from filename*', () => {
    const header = `attachment; filename="audit-202611261405.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志-202611261405.xlsx')}`;
    expect(attachmentName(header, 'x.xlsx')).toBe('审计日志-202611261405.xlsx');
    expect(attachmentName('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(attachmentName(null, 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('field errors on forms', () => {
  it('drops the field-name prefix the server puts before the sentence', () => {
    expect(fieldMessage({ field: 'displayName', message: 'displayName 为必填项' }, 'zh-CN')).toBe('为必填项');
    expect(fieldMessage({ field: 'phone', message: 'must be valid' }, 'en-US')).toBe('must be valid');
  });

  it('shows a password-policy problem in the UI language only, read from the shared policy by its rule', () => {
    const error = { field: 'newPassword', message: 'newPassword 密码至少 10 个字符 / at least 10 characters', rule: 'too_short' };
    expect(fieldMessage(error, 'zh-CN')).toBe('密码至少 10 个字符');
    expect(fieldMessage(error, 'en-US')).toBe('at least 10 characters');
  });

  it('groups errors by top-level field and leaves out fields the form does not have', () => {
    const fields = toFormFields(
      [
        { field: 'newPassword', message: 'x', rule: 'too_short' },
        { field: 'newPassword', message: 'y', rule: 'too_few_classes' },
        { field: 'sections.0', message: 'sections.0 取值无效' },
        { field: 'somethingElse', message: 'z' },
      ],
      'zh-CN',
      ['newPassword', 'sections'],
    );
    expect(fields).toEqual([
      { name: ['newPassword'], errors: ['密码至少 10 个字符', '密码须包含大写字母、小写字母、数字、符号中的至少三类'] },
      { name: ['sections'], errors: ['取值无效'] },
    ]);
  });

  it('words a refusal that concerns one field with the localized envelope message, not the bilingual field text', () => {
    const setFields = vi.fn();
    const taken = new ApiError(409, 'USERNAME_TAKEN', '用户名已被使用', {
      fields: [{ field: 'username', message: 'username 已被使用 / username is taken' }],
    });
    applyApiError({ setFields }, taken, 'zh-CN', ['username'], { USERNAME_TAKEN: 'username' });
    expect(setFields).toHaveBeenCalledWith([{ name: ['username'], errors: ['用户名已被使用'] }]);
  });

  it('keeps the per-rule wording of a password-policy refusal', () => {
    const setFields = vi.fn();
    const policy = new ApiError(400, 'PASSWORD_POLICY', '密码不符合安全要求：…', {
      fields: [{ field: 'newPassword', message: 'newPassword 密码至少 10 个字符 / at least 10 characters', rule: 'too_short' }],
    });
    applyApiError({ setFields }, policy, 'en-US', ['newPassword'], { PASSWORD_POLICY: 'newPassword' });
    expect(setFields).toHaveBeenCalledWith([{ name: ['newPassword'], errors: ['at least 10 characters'] }]);
  });

  it('puts a code that concerns one field under it, and reports false when nothing fits a field', () => {
    const setFields = vi.fn();
    const wrong = new ApiError(400, 'PASSWORD_WRONG', '当前密码不正确');
    expect(applyApiError({ setFields }, wrong, 'zh-CN', ['currentPassword'], { PASSWORD_WRONG: 'currentPassword' })).toBe(true);
    expect(setFields).toHaveBeenCalledWith([{ name: ['currentPassword'], errors: ['当前密码不正确'] }]);
    expect(applyApiError({ setFields }, new ApiError(500, 'INTERNAL', 'boom'), 'zh-CN', ['currentPassword'])).toBe(false);
    expect(applyApiError({ setFields }, new Error('plain'), 'zh-CN', ['currentPassword'])).toBe(false);
  });
});
