import { AbortError, NetworkError, TimeoutError, ValidationError, HttpError } from '@authing/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CallbackError,
  OAuthError,
  buildAuthorizeUrl,
  buildLogoutUrl,
  completeBrowserTransaction,
  completeTransactionCookie,
  createBrowserTransaction,
  createOidcClient,
  discoverOidcClient,
  createTransactionCookie,
  getAccessTokenByClientCredentials,
  getAccessTokenByCode,
  getNewAccessTokenByRefreshToken,
  getUserInfoByAccessToken,
  introspectToken,
  revokeToken,
  type ClientAuthMethod,
  type OidcClientOptions,
  type TransactionStorage,
} from '../src/oidc/index.ts';
import { cookieJar, followToCallback, secrets, startOidcProvider, type OidcTestServer } from './servers/oidc-provider.ts';

const CALLBACK = 'http://127.0.0.1:9/callback';
const LOGGED_OUT = 'http://127.0.0.1:9/logged-out';
let op: OidcTestServer;

beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: [CALLBACK], postLogoutRedirectUris: [LOGGED_OUT] });
});
afterAll(() => op.close());

const clients: Record<ClientAuthMethod, Pick<OidcClientOptions, 'appId' | 'appSecret' | 'tokenEndPointAuthMethod'>> = {
  client_secret_post: { appId: 'post-client', appSecret: secrets.post, tokenEndPointAuthMethod: 'client_secret_post' },
  client_secret_basic: { appId: 'basic-client', appSecret: secrets.basic, tokenEndPointAuthMethod: 'client_secret_basic' },
  none: { appId: 'public-client', tokenEndPointAuthMethod: 'none' },
};

function rpOptions(method: ClientAuthMethod = 'client_secret_post', extra: Partial<OidcClientOptions> = {}): OidcClientOptions {
  return {
    ...clients[method],
    appHost: op.origin,
    redirectUri: CALLBACK,
    logoutRedirectUri: LOGGED_OUT,
    introspectionEndPointAuthMethod: method,
    revocationEndPointAuthMethod: method,
    ...extra,
  };
}

function rp(method: ClientAuthMethod = 'client_secret_post', extra: Partial<OidcClientOptions> = {}) {
  return createOidcClient(rpOptions(method, extra));
}

/** A whole code flow with PKCE: authorize URL → auto login → code exchange. */
async function login(client: ReturnType<typeof rp>, scope = 'openid profile email', loginHint = 'alice') {
  const request = await buildAuthorizeUrl(client, { scope, loginHint });
  const callbackUrl = await followToCallback(request.url, CALLBACK);
  const code = new URL(callbackUrl).searchParams.get('code')!;
  const tokens = await getAccessTokenByCode(client, code, { codeVerifier: request.codeVerifier, nonce: request.nonce });
  return { request, callbackUrl, code, tokens };
}

function memoryStorage(): TransactionStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('authorization code flow with PKCE', () => {
  for (const method of ['client_secret_post', 'client_secret_basic', 'none'] as const) {
    it(`exchanges the code and validates the ID token (${method})`, async () => {
      const before = op.requests.length;
      const { request, tokens } = await login(rp(method), 'openid profile email', 'bob');
      expect(tokens.access_token).toBeTypeOf('string');
      expect(tokens.token_type.toLowerCase()).toBe('bearer');
      expect(tokens.claims?.sub).toBe('bob');
      expect(tokens.claims?.nonce).toBe(request.nonce);
      const token = op.requests.slice(before).find((r) => r.url === '/oidc/token')!;
      if (method === 'client_secret_basic') expect(token.headers.authorization).toMatch(/^Basic /);
      else expect(token.headers.authorization).toBeUndefined();
    });
  }

  it('sends PKCE S256 and the parameters Authing reads', async () => {
    const client = rp();
    const { url, codeVerifier } = await buildAuthorizeUrl(client, { scope: 'openid offline_access', tenantId: 't 1', loginHint: 'a&b', responseMode: 'query' });
    const query = new URL(url).searchParams;
    const challenge = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier))).toString('base64url');
    expect(query.get('code_challenge')).toBe(challenge);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('prompt')).toBe('consent');
    expect(query.get('tenant_id')).toBe('t 1');
    expect(query.get('login_hint')).toBe('a&b');
    expect(query.get('response_mode')).toBe('query');
    expect(new URL(url).origin + new URL(url).pathname).toBe(`${op.issuer}/auth`);
    const explicit = await buildAuthorizeUrl(client, { scope: 'openid offline_access', prompt: 'login' });
    expect(new URL(explicit.url).searchParams.get('prompt')).toBe('login');
  });

  it('draws state, nonce and verifier from the CSPRNG, different every time', async () => {
    const client = rp();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { state, nonce, codeVerifier } = await buildAuthorizeUrl(client);
      for (const value of [state, nonce, codeVerifier]) {
        expect(value).toMatch(/^[A-Za-z0-9_-]{43,}$/);
        seen.add(value);
      }
    }
    expect(seen.size).toBe(60);
  });

  it('URL-encodes every value', async () => {
    const weird = 'http://127.0.0.1:9/cb?next=/a&b=c d#';
    const client = rp('client_secret_post', { redirectUri: 'http://127.0.0.1:9/cb?next=/a&b=c d' });
    const { url } = await buildAuthorizeUrl(client, { extraParams: { ui_locales: 'zh-CN en', acr_values: 'x&y=z' } });
    const raw = new URL(url).search;
    expect(raw).not.toContain(' ');
    expect(raw).not.toContain('c d');
    const query = new URL(url).searchParams;
    expect(query.get('redirect_uri')).toBe(weird.slice(0, -1));
    expect(query.get('ui_locales')).toBe('zh-CN en');
    expect(query.get('acr_values')).toBe('x&y=z');
    expect(query.get('scope')).toBe('openid profile');
  });

  it('replaying a code is an OAuthError invalid_grant with the HTTP status', async () => {
    const client = rp();
    const { code, request } = await login(client);
    const error = await getAccessTokenByCode(client, code, { codeVerifier: request.codeVerifier }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'oauth_error', error: 'invalid_grant', status: 400 });
    expect((error as OAuthError).message).not.toContain(request.codeVerifier);
  });

  it('rejects a wrong PKCE verifier at the server', async () => {
    const client = rp();
    const request = await buildAuthorizeUrl(client);
    const code = new URL(await followToCallback(request.url, CALLBACK)).searchParams.get('code')!;
    const other = (await buildAuthorizeUrl(client)).codeVerifier;
    await expect(getAccessTokenByCode(client, code, { codeVerifier: other })).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('token operations', () => {
  it('refreshes with a refresh token (offline_access + prompt=consent)', async () => {
    const client = rp();
    const { tokens } = await login(client, 'openid offline_access');
    expect(tokens.refresh_token).toBeTypeOf('string');
    const refreshed = await getNewAccessTokenByRefreshToken(client, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims?.sub).toBe('alice');
  });

  it('gets a token with client credentials (post and basic)', async () => {
    for (const method of ['client_secret_post', 'client_secret_basic'] as const) {
      const tokens = await getAccessTokenByClientCredentials(rp(method), { scope: 'api:read' });
      expect(tokens.access_token).toBeTypeOf('string');
      expect(tokens.scope).toBe('api:read');
    }
  });

  it('introspects (active), revokes, then introspects (inactive) with each method', async () => {
    for (const method of ['client_secret_post', 'client_secret_basic'] as const) {
      const client = rp(method);
      const { tokens } = await login(client);
      const active = await introspectToken(client, tokens.access_token);
      expect(active).toMatchObject({ active: true, client_id: clients[method].appId, sub: 'alice' });
      await expect(revokeToken(client, tokens.access_token)).resolves.toBe(true);
      await expect(introspectToken(client, tokens.access_token)).resolves.toEqual({ active: false });
      await expect(getUserInfoByAccessToken(client, tokens.access_token)).rejects.toMatchObject({ error: 'invalid_token', status: 401 });
    }
  });

  it('revokes with a public client (none)', async () => {
    const client = rp('none');
    const { tokens } = await login(client);
    await expect(revokeToken(client, tokens.access_token, { tokenTypeHint: 'access_token' })).resolves.toBe(true);
  });

  it('gets userinfo with the token in the Authorization header, never in the query string', async () => {
    const client = rp();
    const { tokens } = await login(client, 'openid email', 'carol');
    const before = op.requests.length;
    const info = await getUserInfoByAccessToken(client, tokens.access_token, { expectedSubject: 'carol' });
    expect(info).toMatchObject({ sub: 'carol', email: 'carol@example.test' });
    const seen = op.requests.slice(before).filter((r) => r.url.startsWith('/oidc/me'));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/oidc/me');
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${tokens.access_token}`);
    for (const r of op.requests) expect(r.url).not.toContain(tokens.access_token);
    await expect(getUserInfoByAccessToken(client, tokens.access_token, { expectedSubject: 'mallory' })).rejects.toMatchObject({
      code: 'invalid_token',
      check: 'sub',
    });
  });

  it('sends x-authing-lang when lang is set', async () => {
    const client = rp('client_secret_post', { lang: 'en-US' });
    const before = op.requests.length;
    await getAccessTokenByClientCredentials(client, { scope: 'api:read' });
    const seen = op.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r.headers['x-authing-lang']).toBe('en-US');
  });
});

describe('logout', () => {
  it('builds the end-session URL and the provider redirects back with state', async () => {
    const client = rp();
    const jar = cookieJar();
    const request = await buildAuthorizeUrl(client);
    const code = new URL(await followToCallback(request.url, CALLBACK, jar)).searchParams.get('code')!;
    const tokens = await getAccessTokenByCode(client, code, { codeVerifier: request.codeVerifier, nonce: request.nonce });
    const url = await buildLogoutUrl(client, { idToken: tokens.id_token!, state: 'after logout & more' });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`${op.issuer}/session/end`);
    expect(parsed.searchParams.get('id_token_hint')).toBe(tokens.id_token);
    expect(parsed.searchParams.get('post_logout_redirect_uri')).toBe(LOGGED_OUT);
    expect(parsed.searchParams.get('state')).toBe('after logout & more');

    const page = await jar.fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const confirm = await jar.fetch(new URL(action.replaceAll('&amp;', '&'), op.origin).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    const landing = new URL(confirm.headers.get('location')!);
    expect(landing.origin + landing.pathname).toBe(LOGGED_OUT);
    expect(landing.searchParams.get('state')).toBe('after logout & more');
  });
});

describe('browser transaction (sessionStorage)', () => {
  it('stores the transaction, completes once, and removes it', async () => {
    const client = rp('none');
    const storage = memoryStorage();
    const url = await createBrowserTransaction(client, { loginHint: 'dave' }, { storage });
    const stored = JSON.parse([...storage.data.values()][0]!);
    expect([...storage.data.keys()]).toEqual(['authing.oidc.transaction.public-client']);
    expect(stored).toMatchObject({ redirectUri: CALLBACK, state: new URL(url).searchParams.get('state') });
    const callbackUrl = await followToCallback(url, CALLBACK);
    const tokens = await completeBrowserTransaction(client, callbackUrl, { storage });
    expect(tokens.claims?.sub).toBe('dave');
    expect(storage.data.size).toBe(0);
    await expect(completeBrowserTransaction(client, callbackUrl, { storage })).rejects.toMatchObject({ reason: 'no_transaction' });
  });

  it('refuses a transaction older than 10 minutes', async () => {
    const client = rp('none');
    const storage = memoryStorage();
    const url = await createBrowserTransaction(client, {}, { storage });
    const callbackUrl = await followToCallback(url, CALLBACK);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60 * 1000 });
    try {
      await expect(completeBrowserTransaction(client, callbackUrl, { storage })).rejects.toMatchObject({ reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('server transaction (signed cookie)', () => {
  const secret = 'cookie-secret-0123456789abcdef0123456789';

  async function start(client = rp(), params = {}) {
    const { url, setCookie } = await createTransactionCookie(client, { secret, params });
    const cookieHeader = `other=1; ${setCookie.split(';')[0]}`;
    return { url, setCookie, cookieHeader };
  }

  it('completes a login and clears the cookie', async () => {
    const client = rp();
    const { url, setCookie, cookieHeader } = await start(client, { loginHint: 'erin' });
    expect(setCookie).toMatch(/^authing_oidc_tx=[\w-]+\.[\w-]+; HttpOnly; SameSite=Lax; Path=\/; Max-Age=600$/);
    const callbackUrl = await followToCallback(url, CALLBACK);
    const relative = new URL(callbackUrl).pathname + new URL(callbackUrl).search;
    const result = await completeTransactionCookie(client, { secret, cookieHeader, callbackUrl: relative });
    expect(result.claims?.sub).toBe('erin');
    expect(result.clearCookie).toBe('authing_oidc_tx=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
  });

  it('marks the cookie Secure unless the redirect URI is on loopback', async () => {
    const client = rp('client_secret_post', { redirectUri: 'https://app.example.test/callback' });
    const { setCookie } = await createTransactionCookie(client, { secret });
    expect(setCookie).toMatch(/; Secure$/);
  });

  it('rejects a tampered cookie, another secret, no cookie', async () => {
    const client = rp();
    const { url, cookieHeader } = await start(client);
    const callbackUrl = await followToCallback(url, CALLBACK);
    const [name, value] = cookieHeader.split('; ')[1]!.split('=') as [string, string];
    const [body, mac] = value.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, state: 'attacker' })).toString('base64url');
    for (const header of [`${name}=${forged}.${mac}`, `${name}=${body}.${mac.slice(0, -2)}AA`, `${name}=${body}`]) {
      await expect(completeTransactionCookie(client, { secret, cookieHeader: header, callbackUrl })).rejects.toMatchObject({ reason: 'invalid_cookie' });
    }
    await expect(
      completeTransactionCookie(client, { secret: 'another-secret-0123456789abcdef01234', cookieHeader, callbackUrl }),
    ).rejects.toMatchObject({ reason: 'invalid_cookie' });
    await expect(completeTransactionCookie(client, { secret, cookieHeader: 'other=1', callbackUrl })).rejects.toMatchObject({ reason: 'no_transaction' });
    // The real cookie still works: nothing above consumed the code.
    await expect(completeTransactionCookie(client, { secret, cookieHeader, callbackUrl })).resolves.toHaveProperty('access_token');
  });

  it('rejects an expired cookie', async () => {
    const client = rp();
    const { url, cookieHeader } = await start(client);
    const callbackUrl = await followToCallback(url, CALLBACK);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60 * 1000 + 1000 });
    try {
      await expect(completeTransactionCookie(client, { secret, cookieHeader, callbackUrl })).rejects.toMatchObject({ reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('validates the callback in order: error, state, iss, code', async () => {
    const client = rp();
    const { url, cookieHeader } = await start(client);
    const callbackUrl = new URL(await followToCallback(url, CALLBACK));
    const state = callbackUrl.searchParams.get('state')!;
    const variant = (params: Record<string, string>) => `${CALLBACK}?${new URLSearchParams(params)}`;
    const cases: Array<[string, object]> = [
      [variant({ error: 'access_denied', error_description: 'no way', state: 'wrong' }), { error: 'access_denied', errorDescription: 'no way', status: undefined }],
      [variant({ code: 'x', state: 'wrong', iss: op.issuer }), { reason: 'state_mismatch' }],
      [variant({ code: 'x', iss: op.issuer }), { reason: 'state_mismatch' }],
      [variant({ code: 'x', state, iss: 'http://127.0.0.1:1/evil' }), { reason: 'iss_mismatch' }],
      [variant({ code: 'x', state }), { reason: 'missing_iss' }],
      [variant({ state, iss: op.issuer }), { reason: 'missing_code' }],
    ];
    for (const [input, expected] of cases) {
      const error = await completeTransactionCookie(client, { secret, cookieHeader, callbackUrl: input }).catch((e: unknown) => e);
      expect(error, input).toMatchObject(expected);
      expect(error instanceof OAuthError || error instanceof CallbackError).toBe(true);
    }
    expect(await completeTransactionCookie(client, { secret, cookieHeader, callbackUrl: callbackUrl.href })).toHaveProperty('claims.sub', 'alice');
  });

  it('a cookie of one application is refused by another', async () => {
    const { url, cookieHeader } = await start(rp());
    const callbackUrl = await followToCallback(url, CALLBACK);
    await expect(completeTransactionCookie(rp('client_secret_basic'), { secret, cookieHeader, callbackUrl })).rejects.toMatchObject({
      reason: 'invalid_cookie',
    });
  });
});

describe('discovery', () => {
  it('is fetched once per handle for many concurrent and later calls', async () => {
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const client = rp('client_secret_post', { fetch: counting });
    await Promise.all(Array.from({ length: 5 }, () => buildAuthorizeUrl(client)));
    await buildLogoutUrl(client);
    await login(client);
    expect(urls.filter((u) => u.endsWith('/.well-known/openid-configuration'))).toEqual([`${op.issuer}/.well-known/openid-configuration`]);
  });

  it('a custom issuer takes every endpoint from its discovery document, whatever appHost says', async () => {
    const urls: string[] = [];
    const client = await discoverOidcClient(rpOptions('none', {
      appHost: 'https://unused.example.test',
      issuer: op.issuer,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    }));
    const { request, tokens } = await login(client, 'openid profile', 'grace');
    expect(new URL(request.url).origin + new URL(request.url).pathname).toBe(`${op.issuer}/auth`);
    expect(tokens.claims).toMatchObject({ sub: 'grace', iss: op.issuer, nonce: request.nonce });
    expect(urls.every((url) => url.startsWith(`${op.issuer}/`))).toBe(true);
    expect(urls.filter((url) => url.endsWith('/.well-known/openid-configuration'))).toHaveLength(1);
  });

  it('refuses a document whose issuer differs, and does not cache the failure', async () => {
    let calls = 0;
    const lying: typeof fetch = async (input, init) => {
      calls++;
      const response = await fetch(input, init);
      const doc = await response.json();
      return Response.json({ ...doc, issuer: 'https://evil.example.test/oidc' });
    };
    const client = rp('client_secret_post', { fetch: lying });
    await expect(buildLogoutUrl(client)).rejects.toBeInstanceOf(HttpError);
    await expect(buildLogoutUrl(client)).rejects.toBeInstanceOf(HttpError);
    expect(calls).toBe(2);
    await expect(discoverOidcClient(rpOptions('client_secret_post', { fetch: lying }))).rejects.toBeInstanceOf(HttpError);
    expect(calls).toBe(3);
  });
});

describe('input and transport errors', () => {
  it('throws ValidationError before sending anything', async () => {
    let sent = 0;
    const client = rp('client_secret_post', {
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const bad: Array<() => Promise<unknown>> = [
      () => getAccessTokenByCode(client, '', { codeVerifier: 'x'.repeat(43) }),
      () => getAccessTokenByCode(client, 'code', { codeVerifier: 'short' }),
      () => getAccessTokenByCode(client, 'code', { codeVerifier: 'x'.repeat(43), redirectUri: 'not a url' }),
      () => getNewAccessTokenByRefreshToken(client, ''),
      () => introspectToken(client, ''),
      () => revokeToken(client, undefined as unknown as string),
      () => getUserInfoByAccessToken(client, ''),
      () => buildAuthorizeUrl(client, { extraParams: { state: 'mine' } }),
      () => buildAuthorizeUrl(client, { redirectUri: 'javascript:alert(1)' }),
      () => getAccessTokenByClientCredentials(rp('client_secret_post', { appSecret: undefined as never }), { scope: 'api:read' }),
      () => getAccessTokenByCode(client, 'code', { codeVerifier: 'x'.repeat(43), timeout: -1 }),
    ];
    for (const call of bad) await expect(call()).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toBe(0);
    expect(() => createOidcClient({ appId: '', appHost: op.origin })).toThrow(ValidationError);
    expect(() => createOidcClient({ appId: 'a', appHost: 'http://example.com' })).toThrow(ValidationError);
    expect(() => createOidcClient({ appId: 'a', appHost: op.origin, idTokenSigningAlgorithms: ['none'] })).toThrow(ValidationError);
    expect(() => createOidcClient({ appId: 'a', appHost: op.origin, idTokenSigningAlgorithms: ['HS256'] })).toThrow(ValidationError);
    expect(() => createOidcClient({ appId: 'a', appHost: op.origin, tokenEndPointAuthMethod: 'private_key_jwt' as never })).toThrow(ValidationError);
  });

  it('maps network failure, timeout and abort to core errors', async () => {
    const down = createOidcClient({ appId: 'a', appHost: 'http://127.0.0.1:9', redirectUri: CALLBACK, timeout: 2000 });
    // Building Authing's authorize URL needs no request; the first call that does fails.
    await expect(buildAuthorizeUrl(down)).resolves.toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/oidc\/auth\?/) });
    await expect(buildLogoutUrl(down)).rejects.toBeInstanceOf(NetworkError);

    const slow = rp('client_secret_post', {
      fetch: async (input, init) => {
        if (String(input).endsWith('/token')) await new Promise((resolve) => setTimeout(resolve, 500));
        return fetch(input, init);
      },
    });
    await buildAuthorizeUrl(slow);
    await expect(getAccessTokenByClientCredentials(slow, { timeout: 100 })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = getAccessTokenByClientCredentials(slow, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
