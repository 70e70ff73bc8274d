import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, managementToken, raw, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

describe('business errors, with Authing apiCodes', () => {
  it('answers 2333 for a wrong password and 2004 for an unknown email', async () => {
    await management(emulator).createUser({ email: 'e@example.com', password: 'right-pw' });
    const auth = authentication(emulator);
    const wrong = await auth.signInByEmailPassword({ email: 'e@example.com', password: 'wrong-pw' });
    expect(wrong).toMatchObject({ statusCode: 400, apiCode: 2333, message: '账号或密码错误', requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await auth.signInByAccountPassword({ account: 'nobody', password: 'x' })).toMatchObject({ apiCode: 2333 });
    expect(await auth.signInByEmailPassword({ email: 'nobody@example.com', password: 'x' })).toMatchObject({ statusCode: 404, apiCode: 2004 });
    const english = authentication(emulator, { lang: 'en-US' });
    expect(await english.signInByEmailPassword({ email: 'e@example.com', password: 'nope' })).toMatchObject({ message: 'Wrong username or password' });
    const japanese = authentication(emulator, { lang: 'ja-JP' });
    expect(await japanese.signInByEmailPassword({ email: 'e@example.com', password: 'nope' })).toMatchObject({ message: 'アカウントまたはパスワードが正しくありません' });
    const traditional = authentication(emulator, { lang: 'zh-TW' });
    expect(await traditional.signInByEmailPassword({ email: 'e@example.com', password: 'nope' })).toMatchObject({ message: '帳號或密碼錯誤' });
  });

  it('answers 2026 for a duplicate, by management and by sign-up', async () => {
    const mgmt = management(emulator);
    expect(await mgmt.createUser({ email: 'dup@example.com' })).toMatchObject({ statusCode: 200 });
    expect(await mgmt.createUser({ email: 'DUP@example.com' })).toMatchObject({ statusCode: 400, apiCode: 2026 });
    expect(await authentication(emulator).signUpByEmailPassword({ email: 'dup@example.com', password: 'x1' })).toMatchObject({ apiCode: 2026 });
  });

  it('answers 401 to management calls without a valid token, and 2020 to profile calls without one', async () => {
    const none = await raw(emulator, 'POST', '/api/v3/list-users', { body: {} });
    expect(none).toMatchObject({ status: 401, body: { statusCode: 401, requestId: expect.any(String) } });
    const forged = await raw(emulator, 'POST', '/api/v3/list-users', { body: {}, headers: { authorization: 'Bearer a.b.c', 'x-authing-userpool-id': 'emulator-pool' } });
    expect(forged.status).toBe(401);
    const headers = await managementToken(emulator);
    const otherPool = await raw(emulator, 'POST', '/api/v3/list-users', { body: {}, headers: { ...headers, 'x-authing-userpool-id': 'other' } });
    expect(otherPool.status).toBe(401);
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body: {}, headers })).toMatchObject({ status: 200, body: { statusCode: 200 } });
    const badKeys = await raw(emulator, 'POST', '/api/v3/get-management-token', { body: { accessKeyId: 'emulator-pool', accessKeySecret: 'wrong' } });
    expect(badKeys.body).toMatchObject({ statusCode: 401, apiCode: 1300 });
    expect(await authentication(emulator).getProfile({})).toMatchObject({ statusCode: 401, apiCode: 2020 });
    expect(await raw(emulator, 'GET', '/api/v3/get-profile')).toMatchObject({ status: 400, body: { message: '缺少 x-authing-app-id 请求头' } });
  });

  it('answers 501 naming a known but non-emulated operation, and 404 for an unknown path', async () => {
    const mgmt = management(emulator);
    // A non-2xx answer reaches SDK callers as HttpError, with the envelope's fields.
    const notYet = await mgmt.listTenants({}).catch((error: unknown) => error);
    expect(notYet).toMatchObject({ name: 'HttpError', status: 501, statusCode: 501 });
    expect(String((notYet as Error).message)).toContain('listTenants');
    const direct = await raw(emulator, 'POST', '/api/v3/create-tenant', { body: {}, headers: { 'x-authing-lang': 'en-US' } });
    expect(direct).toMatchObject({ status: 501, body: { statusCode: 501 } });
    expect(direct.body.message).toBe('The emulator does not emulate management.createTenant (POST /api/v3/create-tenant) yet');
    const templated = await raw(emulator, 'DELETE', '/api/v3/ip-list/abc');
    expect(templated.body.message).toContain('DELETE /api/v3/ip-list/abc');
    const authOp = await raw(emulator, 'GET', '/api/v3/get-my-tenant-list', { headers: { 'x-authing-lang': 'en-US' } });
    expect(authOp.body.message).toContain('authentication.getTenantList');
    const unknown = await raw(emulator, 'GET', '/api/v3/no-such-thing');
    expect(unknown).toMatchObject({ status: 404, body: { statusCode: 404 } });
  });
});

describe('bad input never stops the server', () => {
  it('answers 400 to bad JSON, 413 to a 2 MiB body, 400 naming a wrong-typed field, and keeps serving', async () => {
    const headers = await managementToken(emulator);
    const badJson = await raw(emulator, 'POST', '/api/v3/create-user', { body: '{"email": ', headers: { ...headers, 'x-authing-lang': 'en-US' } });
    expect(badJson).toMatchObject({ status: 400, body: { statusCode: 400, message: 'The request body is not valid JSON' } });

    const huge = await raw(emulator, 'POST', '/api/v3/create-user', { body: JSON.stringify({ email: 'x@example.com', pad: 'x'.repeat(2 * 1024 * 1024) }), headers });
    expect(huge).toMatchObject({ status: 413, body: { statusCode: 413 } });

    const wrongType = await raw(emulator, 'POST', '/api/v3/list-users', { body: { options: { pagination: { page: 'one' } } }, headers: { ...headers, 'x-authing-lang': 'en-US' } });
    expect(wrongType).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Parameter options.pagination.page must be integer' } });
    const wrongEmail = await raw(emulator, 'POST', '/api/v3/create-user', { body: { email: 42 }, headers });
    expect(wrongEmail).toMatchObject({ status: 400, body: { message: '参数 email 应为 string' } });
    const notObject = await raw(emulator, 'POST', '/api/v3/create-user', { body: '[1,2]', headers });
    expect(notObject.status).toBe(400);

    // Unknown fields are ignored, as Authing ignores them.
    const extra = await raw(emulator, 'POST', '/api/v3/create-user', { body: { email: 'ok@example.com', favouriteColour: 'blue' }, headers });
    expect(extra).toMatchObject({ status: 200, body: { data: { email: 'ok@example.com' } } });
    expect(extra.body.data).not.toHaveProperty('favouriteColour');

    // Still serving, and nothing bad was stored.
    const list = await raw(emulator, 'POST', '/api/v3/list-users', { body: {}, headers });
    expect(list.body).toMatchObject({ statusCode: 200, data: { totalCount: 1 } });
  });
});
