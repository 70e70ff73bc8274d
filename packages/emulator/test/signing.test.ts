import { createHmac, randomBytes } from 'node:crypto';
import { stringToSign } from '@authing/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { management, raw, start } from './helpers.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(async () => {
  await emulator.stop();
});

/** Headers of a request signed as the SDK signs, with parts overridable to break it. */
function signed(method: string, path: string, params: Record<string, unknown>, override: Record<string, string | undefined> = {}, secret = 'emulator-secret'): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'x-authing-signature-nonce': randomBytes(8).toString('hex'),
    'x-authing-signature-method': 'HMAC-SHA1',
    'x-authing-signature-version': '1.0',
    date: new Date().toUTCString(),
    ...override,
  };
  const present = Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const signature = createHmac('sha1', secret).update(stringToSign(method, present, path, params)).digest('base64');
  return { ...Object.fromEntries(present), authorization: `authing emulator-pool:${signature}` };
}

describe('AK/SK request signing', () => {
  it('accepts the SDK in requestSigning mode, for POST bodies and GET queries', async () => {
    const mgmt = management(emulator, { requestSigning: true });
    const created = await mgmt.createUser({ email: 's@example.com', customData: { nested: { a: 1 } } });
    expect(created).toMatchObject({ statusCode: 200 });
    if (created.statusCode !== 200) throw new Error(created.message);
    expect(await mgmt.getUser({ userId: 's@example.com', userIdType: 'email' })).toMatchObject({ statusCode: 200 });
    expect(await mgmt.getUserBatch({ userIds: [created.data.userId] })).toMatchObject({ statusCode: 200, data: [{ email: 's@example.com' }] });
    expect(await mgmt.listRoles({ page: 1, limit: 5 })).toMatchObject({ statusCode: 200 });
    expect(await management(emulator, { requestSigning: true, accessKeySecret: 'wrong' }).listUsers({})).toMatchObject({ statusCode: 401, apiCode: 1300 });
  });

  it('rejects a replayed nonce (1306) and a stale date (1305)', async () => {
    const body = { keywords: 'x' };
    const headers = signed('POST', '/api/v3/list-users', body);
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body, headers })).toMatchObject({ status: 200, body: { statusCode: 200 } });
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body, headers })).toMatchObject({ status: 401, body: { apiCode: 1306 } });
    const stale = signed('POST', '/api/v3/list-users', body, { date: new Date(Date.now() - 16 * 60_000).toUTCString() });
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body, headers: stale })).toMatchObject({ body: { apiCode: 1305 } });
    const millis = signed('POST', '/api/v3/list-users', body, { date: String(Date.now()) });
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body, headers: millis })).toMatchObject({ body: { statusCode: 200 } });
  });

  it('rejects the other documented signature faults (1300–1304)', async () => {
    const body = {};
    const cases: Array<[Record<string, string | undefined>, number]> = [
      [{ 'x-authing-signature-method': 'HMAC-SHA256' }, 1301],
      [{ 'x-authing-signature-version': '2.0' }, 1302],
      [{ date: 'yesterday' }, 1303],
      [{ date: undefined }, 1304],
    ];
    for (const [override, apiCode] of cases) {
      const answer = await raw(emulator, 'POST', '/api/v3/list-users', { body, headers: signed('POST', '/api/v3/list-users', body, override) });
      expect(answer.body, String(apiCode)).toMatchObject({ statusCode: 401, apiCode });
    }
    // Signed over one body, sent with another: 1300.
    const tampered = signed('POST', '/api/v3/list-users', { keywords: 'a' });
    expect(await raw(emulator, 'POST', '/api/v3/list-users', { body: { keywords: 'b' }, headers: tampered })).toMatchObject({ body: { apiCode: 1300 } });
  });
});
