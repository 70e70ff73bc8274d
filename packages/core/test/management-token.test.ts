import { afterEach, describe, expect, it } from 'vitest';
import { createClient, defineOperation, managementTokenAuth } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const listRoles = defineOperation<Record<string, never>, unknown>({ name: 'listRoles', method: 'GET', path: '/api/v3/list-roles', safe: true });
const createRole = defineOperation<{ code: string }, unknown>({ name: 'createRole', method: 'POST', path: '/api/v3/create-role', required: ['code'] });

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

interface TokenServerOptions {
  expiresIn?: number;
  /** Answers the first N API calls that carry this token with 401. */
  rejectFirst?: number;
}

async function tokenServer(options: TokenServerOptions = {}) {
  let issued = 0;
  let rejected = 0;
  const s = await startServer(async (req, res) => {
    if (req.url === '/api/v3/get-management-token') {
      issued++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return json(res, ok({ access_token: jwt({ scoped_userpool_id: 'pool-1', n: issued }), expires_in: options.expiresIn ?? 7200 }));
    }
    if (rejected < (options.rejectFirst ?? 0)) {
      rejected++;
      return json(res, { statusCode: 401, message: 'token expired' }, 401);
    }
    json(res, ok({ auth: req.headers.authorization, pool: req.headers['x-authing-userpool-id'] }));
  });
  return { server: s, issued: () => issued };
}

const credentials = { accessKeyId: 'pool-ak', accessKeySecret: 'pool-secret-value' };

describe('management token', () => {
  it('is fetched once for 1,000 concurrent calls on a cold client (single flight)', async () => {
    const t = await tokenServer();
    server = t.server;
    const client = createClient({ host: server.url, throwOnError: true }, { auth: managementTokenAuth(credentials) });
    const results = await Promise.all(Array.from({ length: 1000 }, () => listRoles(client)));
    expect(t.issued()).toBe(1);
    expect(server.requests.filter((r) => r.url === '/api/v3/get-management-token')).toHaveLength(1);
    expect(new Set(results.map((r) => (r as { auth: string }).auth)).size).toBe(1);
    expect((results[0] as { auth: string; pool: string }).pool).toBe('pool-1');
    expect((results[0] as { auth: string }).auth).toMatch(/^Bearer ey/);
    const tokenRequest = server.requests.find((r) => r.url === '/api/v3/get-management-token');
    expect(JSON.parse(tokenRequest!.body)).toEqual(credentials);
  }, 60_000); // 1,000 real HTTP calls: generous for a loaded 2-core CI machine

  it('is shared by clients with the same host and key pair, and refreshed before expiry', async () => {
    // 60 s lifetime: the refresh margin (a quarter of the lifetime) makes it stale after 45 s.
    const t = await tokenServer({ expiresIn: 60 });
    server = t.server;
    const a = createClient({ host: server.url, throwOnError: true }, { auth: managementTokenAuth(credentials) });
    const b = createClient({ host: server.url, throwOnError: true }, { auth: managementTokenAuth(credentials) });
    await listRoles(a);
    await listRoles(b);
    expect(t.issued()).toBe(1);

    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 46_000;
      await listRoles(a);
      expect(t.issued()).toBe(2);
      await listRoles(b);
      expect(t.issued()).toBe(2);
    } finally {
      Date.now = realNow;
    }
  });

  it('on 401 refreshes the token once and retries the call once, even an unsafe POST', async () => {
    const t = await tokenServer({ rejectFirst: 1 });
    server = t.server;
    const client = createClient({ host: server.url, throwOnError: true }, { auth: managementTokenAuth({ ...credentials, accessKeyId: 'ak-401' }) });
    const result = (await createRole(client, { code: 'admin' })) as { auth: string };
    expect(t.issued()).toBe(2);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v3/get-management-token',
      '/api/v3/create-role',
      '/api/v3/get-management-token',
      '/api/v3/create-role',
    ]);
    expect(result.auth).toContain('Bearer');
  });

  it('gives up after one refresh when the server keeps answering 401', async () => {
    const t = await tokenServer({ rejectFirst: 5 });
    server = t.server;
    const client = createClient({ host: server.url }, { auth: managementTokenAuth({ ...credentials, accessKeyId: 'ak-401-twice' }) });
    const envelope = await listRoles(client);
    expect(envelope.statusCode).toBe(401);
    expect(t.issued()).toBe(2);
    expect(server.requests.filter((r) => r.url === '/api/v3/list-roles')).toHaveLength(2);
  });

  it('reports a failed token request as ApiError and tries again on the next call', async () => {
    let fail = true;
    server = await startServer((req, res) => {
      if (req.url === '/api/v3/get-management-token') {
        if (fail) return json(res, { statusCode: 400, apiCode: 1300, message: 'invalid accessKeySecret', requestId: 'r-1' });
        return json(res, ok({ access_token: 'opaque-token', expires_in: 7200 }));
      }
      json(res, ok({ pool: req.headers['x-authing-userpool-id'] }));
    });
    const client = createClient({ host: server.url }, { auth: managementTokenAuth({ accessKeyId: 'ak-bad', accessKeySecret: 'wrong' }) });
    await expect(listRoles(client)).rejects.toMatchObject({ name: 'ApiError', apiCode: 1300, requestId: 'r-1' });
    fail = false;
    // an opaque token has no scoped_userpool_id claim: the pool-wide key id names the pool
    expect(await listRoles(client)).toMatchObject({ statusCode: 200, data: { pool: 'ak-bad' } });
  });
});
