import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, HttpError, NetworkError, TimeoutError, createClient, defineOperation, isAuthingError, retryAfterCap } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const getUser = defineOperation<{ userId: string }, { userId: string }>({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'], safe: true });
const listUsers = defineOperation<Record<string, unknown>, unknown>({ name: 'listUsers', method: 'POST', path: '/api/v3/list-users', safe: true });
const createUser = defineOperation<{ email?: string }, unknown>({ name: 'createUser', method: 'POST', path: '/api/v3/create-user' });

describe('retries', () => {
  it('retries a safe call on 429, honouring Retry-After', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls++;
      if (calls === 1) return json(res, { statusCode: 429, message: 'slow down' }, 429, { 'retry-after': '1' });
      json(res, ok({ userId: 'u1' }));
    });
    const client = createClient({ host: server.url });
    const started = Date.now();
    expect(await getUser(client, { userId: 'u1' })).toMatchObject({ statusCode: 200, data: { userId: 'u1' } });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries safe POST reads on 5xx and network errors, but never 501 or 505', async () => {
    let calls = 0;
    server = await startServer((req, res) => {
      calls++;
      if (calls === 1) return req.method === 'POST' ? res.destroy() : undefined; // connection reset
      if (calls === 2) return json(res, { statusCode: 502, message: 'bad gateway' }, 502);
      json(res, ok({ list: [] }));
    });
    const client = createClient({ host: server.url, retries: 2 });
    expect(await listUsers(client, {})).toMatchObject({ statusCode: 200 });
    expect(calls).toBe(3);

    for (const status of [501, 505]) {
      const before = server.requests.length;
      server.close();
      server = await startServer((_req, res) => json(res, { statusCode: status, message: 'no' }, status));
      const c = createClient({ host: server.url });
      await expect(listUsers(c, {})).rejects.toMatchObject({ name: 'HttpError', status });
      expect(server.requests.length).toBe(1);
      expect(before).toBeGreaterThan(0);
    }
  });

  it('does not retry an unsafe POST', async () => {
    server = await startServer((_req, res) => json(res, { statusCode: 503, message: 'busy' }, 503, { 'retry-after': '0' }));
    const client = createClient({ host: server.url, retries: 3 });
    const error = await createUser(client, { email: 'a@example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up at once when Retry-After exceeds the cap, and reports it', async () => {
    const seconds = retryAfterCap / 1000 + 100;
    server = await startServer((_req, res) =>
      json(res, { statusCode: 429, message: 'quota', apiCode: 4291, requestId: 'req-9' }, 429, { 'retry-after': String(seconds) }),
    );
    const client = createClient({ host: server.url });
    const error = (await getUser(client, { userId: 'x' }).catch((e: unknown) => e)) as HttpError;
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'http_error', status: 429, statusCode: 429, apiCode: 4291, requestId: 'req-9', retryAfter: seconds });
    expect(error.message).toBe('[HTTP 429, statusCode 429, apiCode 4291, requestId req-9] quota');
  });

  it('respects retries: 0 per call', async () => {
    server = await startServer((_req, res) => json(res, { statusCode: 500, message: 'x' }, 500));
    const client = createClient({ host: server.url });
    await expect(getUser(client, { userId: 'x' }, { retries: 0 })).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts, aborts and network errors', () => {
  it('throws TimeoutError when an attempt exceeds the per-call timeout', async () => {
    server = await startServer(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      json(res, ok({}));
    });
    const client = createClient({ host: server.url, timeout: 5_000, lang: 'en-US' });
    const error = await createUser(client, {}, { timeout: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout', timeout: 100, message: 'createUser: no response within 100 ms' });
  });

  it('uses the client timeout by default', async () => {
    server = await startServer(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      json(res, ok({}));
    });
    const client = createClient({ host: server.url, timeout: 100 });
    await expect(createUser(client, {})).rejects.toBeInstanceOf(TimeoutError);
  });

  it('throws AbortError when the caller aborts, also while waiting to retry', async () => {
    server = await startServer((_req, res) => json(res, { statusCode: 503, message: 'busy' }, 503, { 'retry-after': '10' }));
    const client = createClient({ host: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await getUser(client, { userId: 'x' }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(isAuthingError(error)).toBe(true);
  });

  it('throws NetworkError when nothing listens', async () => {
    const s = await startServer(() => undefined);
    const host = s.url;
    await s.close();
    const client = createClient({ host, retries: 0 });
    const error = await getUser(client, { userId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('127.0.0.1');
  });
});

describe('headers and requests', () => {
  it('sends the SDK headers, with names remapped for white-labelled deployments', async () => {
    server = await startServer((_req, res) => json(res, ok({})));
    const client = createClient(
      { host: `${server.url}/`, lang: 'ja-JP', headers: { lang: 'x-genauth-lang', 'app-id': 'x-genauth-app-id' } },
      { identity: { 'app-id': 'app-1', 'tenant-id': 'tenant-1', 'userpool-id': undefined } },
    );
    await getUser(client, { userId: 'a/b?c&d' });
    const [request] = server.requests;
    expect(request?.url).toBe('/api/v3/get-user?userId=a%2Fb%3Fc%26d');
    expect(request?.headers).toMatchObject({
      'x-genauth-lang': 'ja-JP',
      'x-genauth-app-id': 'app-1',
      'x-authing-app-tenant-id': 'tenant-1',
      'x-authing-request-from': 'sdk',
      accept: 'application/json',
    });
    expect(request?.headers['x-authing-sdk-version']).toMatch(/^authing-ts-sdk:/);
    expect(request?.headers['x-authing-userpool-id']).toBeUndefined();
  });

  it('substitutes and encodes path parameters', async () => {
    server = await startServer((_req, res) => json(res, ok(true)));
    const remove = defineOperation<{ credentialID: string; extra?: string }, boolean>({
      name: 'removeCredential',
      method: 'POST',
      path: '/api/v3/webauthn/remove-credential/{credentialID}',
      pathParams: ['credentialID'],
      required: ['credentialID'],
    });
    await remove(createClient({ host: server.url }), { credentialID: 'a/b c', extra: 'x' });
    expect(server.requests[0]?.url).toBe('/api/v3/webauthn/remove-credential/a%2Fb%20c');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ extra: 'x' });
  });

  it('uses an injected fetch', async () => {
    server = await startServer((_req, res) => json(res, ok({ userId: 'u' })));
    const seen: string[] = [];
    const client = createClient({
      host: server.url,
      fetch: (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
    await getUser(client, { userId: 'u' });
    expect(seen).toEqual([`${server.url}/api/v3/get-user?userId=u`]);
  });

  it('wraps a bare answer only for operations the spec documents as bare, and sends forms', async () => {
    server = await startServer((req, res) => json(res, { active: true, got: req.body, type: req.headers['content-type'] }));
    const client = createClient({ host: server.url });
    const introspect = defineOperation<{ token: string; scope?: string[] }, { active: boolean }>({
      name: 'verifyMfaToken', method: 'POST', path: '/mfa/token/introspection', required: ['token'], bare: true, form: true,
    });
    expect(await introspect(client, { token: 'a b&c', scope: ['x'] })).toEqual({
      statusCode: 200,
      message: '',
      data: { active: true, got: 'token=a+b%26c&scope=%5B%22x%22%5D', type: 'application/x-www-form-urlencoded;charset=UTF-8' },
    });
    const enveloped = defineOperation<Record<string, never>, unknown>({ name: 'getSystemInfo', method: 'GET', path: '/api/v3/system' });
    await expect(enveloped(client)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('answers a non-envelope body with an invalid_response HttpError, redacted', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>gateway says password=hunter2 token</html>');
    });
    const error = (await getUser(createClient({ host: server.url }), { userId: 'u' }).catch((e: unknown) => e)) as HttpError;
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(error.body).not.toContain('hunter2');
  });
});
