import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, defineOperation, requestSigningAuth, stringToSign } from '../src/index.ts';
import { json, ok, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

const credentials = { accessKeyId: 'ak-123', accessKeySecret: 'sk-not-a-real-secret' };

/** The reference computation, written independently from the SDK with node:crypto. */
function expectedSignature(method: string, headers: Record<string, string | string[] | undefined>, resource: string): string {
  const names = Object.keys(headers)
    .filter((name) => name.startsWith('x-authing-') || name === 'date')
    .sort();
  let text = `${method}\n`;
  for (const name of names) text += `${name}:${String(headers[name]).trim()}\n`;
  text += resource;
  return createHmac('sha1', credentials.accessKeySecret).update(text, 'utf8').digest('base64');
}

describe('AK/SK request signing', () => {
  it('builds the authing-node-sdk 4 string to sign', () => {
    const text = stringToSign(
      'post',
      [
        ['x-authing-signature-nonce', 'n1'],
        ['date', 'Sun, 22 Nov 2026 06:00:00 GMT'],
        ['x-authing-lang', ' zh-CN\t'],
      ],
      '/api/v3/list-users',
      { b: 2, a: { x: [1] }, c: undefined, d: null, e: 'a b&c' },
    );
    expect(text).toBe(
      'POST\ndate:Sun, 22 Nov 2026 06:00:00 GMT\nx-authing-lang:zh-CN\nx-authing-signature-nonce:n1\n' +
        '/api/v3/list-users?a={"x":[1]}&b=2&d=null&e=a b&c',
    );
    expect(stringToSign('GET', [], '/p', {})).toBe('GET\n/p');
    // the same quirk as authing-node-sdk: keys present but all undefined still add "?"
    expect(stringToSign('GET', [], '/p', { a: undefined })).toBe('GET\n/p?');
  });

  it('signs every attempt, retries included, with a fresh nonce and a valid signature', async () => {
    let attempts = 0;
    server = await startServer((_req, res) => {
      attempts++;
      if (attempts === 1) return json(res, { statusCode: 503, message: 'busy' }, 503, { 'retry-after': '0' });
      json(res, ok({ list: [] }));
    });
    const client = createClient({ host: server.url, lang: 'en-US' }, { auth: requestSigningAuth(credentials) });
    const listUsers = defineOperation<{ keywords?: string }, unknown>({ name: 'listUsers', method: 'POST', path: '/api/v3/list-users', safe: true });
    await listUsers(client, { keywords: 'alice' });

    expect(server.requests).toHaveLength(2);
    const nonces = new Set<string>();
    for (const request of server.requests) {
      const { authorization, ...rest } = request.headers;
      nonces.add(String(request.headers['x-authing-signature-nonce']));
      expect(request.headers['x-authing-signature-method']).toBe('HMAC-SHA1');
      expect(request.headers['x-authing-signature-version']).toBe('1.0');
      expect(authorization).toBe(`authing ak-123:${expectedSignature('POST', rest, '/api/v3/list-users?keywords=alice')}`);
    }
    expect(nonces.size).toBe(2);
    expect([...nonces].every((nonce) => /^[0-9a-f]{32}$/.test(nonce))).toBe(true);
  });

  it('signs GET query parameters', async () => {
    server = await startServer((_req, res) => json(res, ok({})));
    const client = createClient({ host: server.url }, { auth: requestSigningAuth(credentials) });
    const getUser = defineOperation<{ userId: string; withCustomData?: boolean }, unknown>({ name: 'getUser', method: 'GET', path: '/api/v3/get-user', required: ['userId'], safe: true });
    await getUser(client, { withCustomData: true, userId: 'u 1' });
    const [request] = server.requests;
    expect(request?.url).toBe('/api/v3/get-user?withCustomData=true&userId=u+1');
    const { authorization, ...rest } = request!.headers;
    expect(authorization).toBe(`authing ak-123:${expectedSignature('GET', rest, '/api/v3/get-user?userId=u 1&withCustomData=true')}`);
  });
});
