import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AuthenticationClient,
  ValidationError,
  createAuthenticationClient,
  setAccessToken,
  signInByEmailPassword,
  type Envelope,
  type LoginTokenResponseDataDto,
} from '../src/index.ts';
import { getProfile } from '../src/resources/profile.ts';

interface Seen {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | undefined;
}
let close: (() => void) | undefined;
afterEach(() => close?.());

async function app(): Promise<{ appHost: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ url: req.url ?? '', headers: req.headers, body: body ? JSON.parse(body) : undefined });
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/v3/signin') {
      const payload = JSON.parse(body) as { passwordPayload?: { password?: string } };
      if (payload.passwordPayload?.password !== 'right-password') {
        return res.end(JSON.stringify({ statusCode: 400, apiCode: 2333, message: '账号或密码错误', requestId: 'r-2333' }));
      }
      return res.end(JSON.stringify({ statusCode: 200, message: '', data: { access_token: 'user-at', token_type: 'Bearer', expire_in: 1209600 } }));
    }
    if (req.url === '/api/v3/signup') return res.end(JSON.stringify({ statusCode: 200, message: '', data: { userId: 'new' } }));
    const authorized = req.headers.authorization === 'Bearer user-at';
    res.end(JSON.stringify(authorized ? { statusCode: 200, message: '', data: { userId: 'u1', nickname: 'Alice' } } : { statusCode: 401, apiCode: 2020, message: '尚未登录' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return { appHost: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('AuthenticationClient', () => {
  it('signs in by email and password (client_secret_post), then uses the access token', async () => {
    const { appHost, seen } = await app();
    const auth = new AuthenticationClient({ appId: 'app-1', appSecret: 'app-secret-1', appHost });
    const login = await auth.signInByEmailPassword({ email: 'alice@example.com', password: 'right-password', options: { scope: 'openid' } });
    expectTypeOf(login).toEqualTypeOf<Envelope<LoginTokenResponseDataDto>>();
    expect(login.statusCode).toBe(200);
    const signin = seen[0]!;
    expect(signin.headers['x-authing-app-id']).toBe('app-1');
    expect(signin.headers.authorization).toBeUndefined();
    expect(signin.body).toEqual({
      connection: 'PASSWORD',
      passwordPayload: { email: 'alice@example.com', password: 'right-password' },
      options: { scope: 'openid' },
      client_id: 'app-1',
      client_secret: 'app-secret-1',
    });

    if (login.statusCode === 200) auth.setAccessToken(login.data.access_token);
    const profile = await auth.updateProfile({ nickname: 'Alice' });
    expect(profile.statusCode).toBe(200);
    expect(seen[1]).toMatchObject({ url: '/api/v3/update-profile', headers: { authorization: 'Bearer user-at' }, body: { nickname: 'Alice' } });
  });

  it('sends client_secret_basic credentials in the header, not the body', async () => {
    const { appHost, seen } = await app();
    const auth = new AuthenticationClient({ appId: 'app 2', appSecret: 's:2', appHost, tokenEndPointAuthMethod: 'client_secret_basic', accessToken: 'user-at' });
    await auth.signInByUsernamePassword({ username: 'alice', password: 'right-password' });
    expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('app%202:s%3A2').toString('base64')}`);
    expect(seen[0]?.body).not.toHaveProperty('client_secret');
    await auth.getProfile();
    expect(seen[1]?.headers.authorization).toBe('Bearer user-at');
  });

  it('reports wrong credentials as apiCode 2333, and throws with throwOnError', async () => {
    const { appHost } = await app();
    const auth = new AuthenticationClient({ appId: 'a', appSecret: 's', appHost });
    expect(await auth.signInByPhonePassword({ phone: '13800000000', password: 'wrong' })).toMatchObject({ statusCode: 400, apiCode: 2333 });
    const strict = new AuthenticationClient({ appId: 'a', appSecret: 's', appHost, throwOnError: true, lang: 'en-US' });
    const error = await strict.signInByEmailPassword({ email: 'a@b.c', password: 'wrong-password-xyz' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', apiCode: 2333, requestId: 'r-2333' });
    expect(JSON.stringify(error)).not.toContain('wrong-password-xyz');
  });

  it('validates credentials before sending', async () => {
    const { appHost, seen } = await app();
    const auth = new AuthenticationClient({ appId: 'a', appSecret: 's', appHost, lang: 'ja-JP' });
    await expect(auth.signInByEmailPassword({ email: 'a@b.c' } as never)).rejects.toThrow('signInByEmailPassword：必須パラメーター `password` がありません');
    await expect(auth.signUpByPhoneCode({ phone: '1', passCode: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('checks its options', () => {
    expect(() => new AuthenticationClient({ appId: 'a', appHost: 'https://x.authing.cn' })).toThrow(/appSecret/);
    // A public app says `none` once: introspection and revocation follow the token endpoint.
    expect(new AuthenticationClient({ appId: 'a', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'none' }).client.app).toMatchObject({
      introspectionEndPointAuthMethod: 'none',
      revocationEndPointAuthMethod: 'none',
    });
    expect(() => new AuthenticationClient({ appId: 'a', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'client_secret_basic' })).toThrow(/appSecret/);
    expect(() => new AuthenticationClient({ appId: 'a', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'none', introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' })).not.toThrow();
    expect(() => new AuthenticationClient({ appId: '', appSecret: 's', appHost: 'https://x.authing.cn' })).toThrow(/appId/);
    expect(() => new AuthenticationClient({ appId: 'a', appSecret: 's', appHost: 'https://x.authing.cn', scope: 'profile' })).toThrow(/openid/);
    expect(() => new AuthenticationClient({ appId: 'a', appSecret: 's', appHost: 'https://x.authing.cn', tokenEndPointAuthMethod: 'private_key_jwt' as never })).toThrow(/tokenEndPointAuthMethod/);
    expect(() => new AuthenticationClient({ appId: 'a', appSecret: 's', appHost: 'https://x.authing.cn', rejectUnauthorized: false })).toThrow(/authentication\/node/);
  });

  it('the tree-shakeable functions share the same client handle', async () => {
    const { appHost } = await app();
    const client = createAuthenticationClient({ appId: 'a', appSecret: 's', appHost, throwOnError: true });
    const token = await signInByEmailPassword(client, { email: 'a@b.c', password: 'right-password' });
    setAccessToken(client, token.access_token);
    expect(await getProfile(client)).toMatchObject({ userId: 'u1' });
    setAccessToken(client, undefined);
    await expect(getProfile(client)).rejects.toMatchObject({ apiCode: 2020 });
  });
});
