import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildAuthorizeUrl,
  buildLogoutUrl,
  createOidcClient,
  getAccessTokenByClientCredentials,
  getAccessTokenByCode,
  getNewAccessTokenByRefreshToken,
  getUserInfoByAccessToken,
  introspectToken,
  OAuthError,
  revokeToken,
  verifyIdToken,
  type OidcClient,
} from '@authing/protocols/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator, SeedObject } from '../src/index.ts';
import { authentication, start } from './helpers.ts';
import { browser, drive, type Browser } from './browser.ts';

const redirectUri = 'http://127.0.0.1:5173/callback';
const seed: SeedObject = {
  apps: [
    { appId: 'emulator-app', appSecret: 'emulator-app-secret', name: 'Web app', redirectUris: [redirectUri] },
    { appId: 'basic-app', appSecret: 'basic-app-secret', redirectUris: [redirectUri], tokenEndPointAuthMethod: 'client_secret_basic' },
    { appId: 'spa', name: 'SPA', redirectUris: [redirectUri], tokenEndPointAuthMethod: 'none' },
    // No registered redirect URI: loopback `/callback` on any port.
    { appId: 'loopback-app', appSecret: 'loopback-secret' },
  ],
  users: [{ userId: 'alice-id', email: 'alice@example.com', username: 'alice', password: 'alice-pw', name: 'Alice', phone: '13800000000' }],
};


describe('OIDC provider at /oidc', () => {
  let emulator: RunningEmulator;
  let web: OidcClient;
  const alice = { account: 'alice@example.com', password: 'alice-pw' };

  beforeAll(async () => {
    emulator = await start({ seed });
    web = createOidcClient({ appId: 'emulator-app', appSecret: 'emulator-app-secret', appHost: emulator.url, redirectUri, logoutRedirectUri: 'http://127.0.0.1:5173/' });
  });
  afterAll(() => emulator.stop());

  /** The code flow through the hosted login page; returns the token set and the request. */
  async function codeFlow(client: OidcClient, scope?: string, jar = browser()) {
    const request = await buildAuthorizeUrl(client, scope ? { scope } : {});
    const landed = await drive(jar, request.url, redirectUri, alice);
    if (!('url' in landed)) throw new Error(`the flow stopped on a page (${landed.status}): ${landed.page.slice(0, 300)}`);
    const callback = new URL(landed.url);
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(callback.searchParams.get('iss')).toBe(`${emulator.url}/oidc`);
    const tokens = await getAccessTokenByCode(client, callback.searchParams.get('code')!, { codeVerifier: request.codeVerifier, nonce: request.nonce, requireIdToken: true });
    return { tokens, request, jar };
  }

  it('serves discovery and the JWKS at Authing paths', async () => {
    const response = await fetch(`${emulator.url}/oidc/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    const issuer = `${emulator.url}/oidc`;
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/me`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      introspection_endpoint: `${issuer}/token/introspection`,
      revocation_endpoint: `${issuer}/token/revocation`,
      end_session_endpoint: `${issuer}/session/end`,
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'phone', 'offline_access']));
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    const jwks = (await (await fetch(discovery.jwks_uri as string)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('runs the code flow with PKCE through the hosted login page; its access token works on get-profile until revoked', async () => {
    const { tokens, request, jar } = await codeFlow(web, 'openid profile email phone');
    expect(request.url).toContain('code_challenge_method=S256');
    expect(tokens.claims).toMatchObject({ iss: `${emulator.url}/oidc`, sub: 'alice-id', aud: 'emulator-app', nonce: request.nonce, email: 'alice@example.com', name: 'Alice' });
    expect(tokens.refresh_token).toBeUndefined();

    expect(await getUserInfoByAccessToken(web, tokens.access_token)).toMatchObject({
      sub: 'alice-id',
      email: 'alice@example.com',
      email_verified: false,
      name: 'Alice',
      preferred_username: 'alice',
      phone_number: '13800000000',
    });
    expect(await introspectToken(web, tokens.access_token)).toMatchObject({ active: true, sub: 'alice-id', client_id: 'emulator-app', scope: 'openid profile email phone' });

    // The provider's access token is a v3 Bearer token.
    const auth = authentication(emulator);
    auth.setAccessToken(tokens.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 200, data: { userId: 'alice-id', email: 'alice@example.com' } });
    expect(await auth.updateProfile({ nickname: 'Ally' })).toMatchObject({ statusCode: 200, data: { nickname: 'Ally' } });

    // A second authorization in the same browser needs no password: the provider's session.
    const again = await buildAuthorizeUrl(web);
    const landed = await drive(jar, again.url, redirectUri);
    expect(landed).toHaveProperty('url', expect.stringContaining('code='));

    await expect(revokeToken(web, tokens.access_token)).resolves.toBe(true);
    expect(await introspectToken(web, tokens.access_token)).toEqual({ active: false });
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 401, apiCode: 2020 });
    await expect(getUserInfoByAccessToken(web, tokens.access_token)).rejects.toThrow();

    // RP-initiated logout with the ID token: the confirmation form, then the registered post-logout URI.
    const logoutUrl = await buildLogoutUrl(web, { idToken: tokens.id_token!, state: 'bye' });
    expect(logoutUrl.startsWith(`${emulator.url}/oidc/session/end?`)).toBe(true);
    const confirm = await jar.fetch(logoutUrl);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1]!;
    const done = await jar.fetch(new URL(action, logoutUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('http://127.0.0.1:5173/?state=bye');
    // Signed out: the next authorization shows the login form again.
    const after = await drive(jar, (await buildAuthorizeUrl(web)).url, redirectUri);
    expect(after).toMatchObject({ status: 200, page: expect.stringContaining('name="password"') });
  });

  it('re-renders the login form with an error on a wrong password, and accepts the username after it', async () => {
    const jar = browser();
    const request = await buildAuthorizeUrl(web);
    const wrong = await drive(jar, request.url, redirectUri, { account: 'alice@example.com', password: 'not-it' });
    expect(wrong).toMatchObject({ status: 401, page: expect.stringContaining('role="alert"') });
    if ('url' in wrong) throw new Error('unexpected');
    expect(wrong.page).toMatch(/账号或密码错误|Wrong username or password/);
    expect(wrong.page).toContain('value="alice@example.com"');
    const unknown = await drive(jar, new URL(wrong.action, emulator.url).href, redirectUri);
    expect(unknown).toMatchObject({ status: 200 });
    // The same form, now with the username and the right password.
    const posted = await jar.fetch(new URL(wrong.action, emulator.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=alice&password=alice-pw',
    });
    expect(posted.status).toBe(303);
    const landed = await drive(jar, new URL(posted.headers.get('location')!, emulator.url).href, redirectUri);
    expect(landed).toHaveProperty('url', expect.stringContaining('code='));
  });

  it('binds the form to its interaction: another uid, or no interaction cookie, is refused', async () => {
    const jar = browser();
    const request = await buildAuthorizeUrl(web);
    const shown = await drive(jar, request.url, redirectUri);
    if ('url' in shown) throw new Error('expected the login page');
    const wrongUid = await jar.fetch(`${emulator.url}/oidc/interaction/not-this-one`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=alice&password=alice-pw',
    });
    expect(wrongUid.status).toBe(400);
    const noCookie = await fetch(new URL(shown.action, emulator.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=alice&password=alice-pw',
      redirect: 'manual',
    });
    expect(noCookie.status).toBe(400);
  });

  it('issues a refresh token for offline_access (prompt=consent) and refreshes it', async () => {
    const { tokens } = await codeFlow(web, 'openid profile offline_access');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await getNewAccessTokenByRefreshToken(web, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims).toMatchObject({ sub: 'alice-id', aud: 'emulator-app' });
    const auth = authentication(emulator);
    auth.setAccessToken(refreshed.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 200, data: { userId: 'alice-id' } });
  });

  it('supports client_secret_basic, public clients with PKCE, and loopback apps without registered redirect URIs', async () => {
    const basic = createOidcClient({ appId: 'basic-app', appSecret: 'basic-app-secret', appHost: emulator.url, redirectUri, tokenEndPointAuthMethod: 'client_secret_basic', introspectionEndPointAuthMethod: 'client_secret_basic' });
    const viaBasic = await codeFlow(basic);
    expect(viaBasic.tokens.claims).toMatchObject({ sub: 'alice-id', aud: 'basic-app' });
    // A confidential app may send its secret either way (as on the v3 sign-in), but it must be right.
    const asPost = createOidcClient({ appId: 'basic-app', appSecret: 'basic-app-secret', appHost: emulator.url, redirectUri });
    expect(await introspectToken(asPost, viaBasic.tokens.access_token)).toMatchObject({ active: true, client_id: 'basic-app' });
    const wrongSecret = createOidcClient({ appId: 'basic-app', appSecret: 'not-the-secret', appHost: emulator.url, redirectUri, tokenEndPointAuthMethod: 'client_secret_basic' });
    await expect(getAccessTokenByClientCredentials(wrongSecret)).rejects.toMatchObject({ error: 'invalid_client' });

    const spa = createOidcClient({ appId: 'spa', appHost: emulator.url, redirectUri, tokenEndPointAuthMethod: 'none' });
    expect((await codeFlow(spa)).tokens.claims).toMatchObject({ sub: 'alice-id', aud: 'spa' });
    // A public client must send a PKCE challenge.
    const noPkce = new URL(`${emulator.url}/oidc/auth`);
    for (const [key, value] of Object.entries({ client_id: 'spa', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's' })) noPkce.searchParams.set(key, value);
    const refused = await browser().fetch(noPkce.href);
    expect(new URL(refused.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');

    const loopbackUri = 'http://127.0.0.1:41234/callback';
    const loopback = createOidcClient({ appId: 'loopback-app', appSecret: 'loopback-secret', appHost: emulator.url, redirectUri: loopbackUri });
    const request = await buildAuthorizeUrl(loopback);
    const landed = await drive(browser(), request.url, loopbackUri, alice);
    if (!('url' in landed)) throw new Error(landed.page);
    const code = new URL(landed.url).searchParams.get('code')!;
    expect((await getAccessTokenByCode(loopback, code, { codeVerifier: request.codeVerifier, nonce: request.nonce })).claims).toMatchObject({ aud: 'loopback-app' });
    // Other hosts are not loopback: refused at the authorization endpoint.
    const elsewhere = await buildAuthorizeUrl(loopback, { redirectUri: 'https://evil.example/callback' });
    const answer = await browser().fetch(elsewhere.url);
    expect(answer.status).toBe(400);
  });

  it('issues client-credentials tokens that introspect as the app and are no user token', async () => {
    const tokens = await getAccessTokenByClientCredentials(web);
    expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    expect(await introspectToken(web, tokens.access_token)).toMatchObject({ active: true, client_id: 'emulator-app' });
    const auth = authentication(emulator);
    auth.setAccessToken(tokens.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 401, apiCode: 2020 });
    const spa = createOidcClient({ appId: 'spa', appHost: emulator.url, tokenEndPointAuthMethod: 'none' });
    await expect(getAccessTokenByClientCredentials(spa)).rejects.toBeInstanceOf(OAuthError);
  });

  it('revokes the v3 sign-in tokens at the provider revocation endpoint', async () => {
    const auth = authentication(emulator);
    const login = await auth.signInByEmailPassword({ email: 'alice@example.com', password: 'alice-pw' });
    if (login.statusCode !== 200) throw new Error(login.message);
    auth.setAccessToken(login.data.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 200 });
    await expect(revokeToken(web, login.data.access_token!)).resolves.toBe(true);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 401, apiCode: 2020 });
  });
});

describe('OIDC keys with a data directory', () => {
  it('keeps the signing keys across a restart, so ID tokens still verify', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-oidc-'));
    try {
      let emulator = await start({ seed, dataDir });
      const port = new URL(emulator.url).port;
      const client = createOidcClient({ appId: 'emulator-app', appSecret: 'emulator-app-secret', appHost: emulator.url, redirectUri });
      const request = await buildAuthorizeUrl(client);
      const landed = await drive(browser(), request.url, redirectUri, { account: 'alice', password: 'alice-pw' });
      if (!('url' in landed)) throw new Error(landed.page);
      const tokens = await getAccessTokenByCode(client, new URL(landed.url).searchParams.get('code')!, { codeVerifier: request.codeVerifier, nonce: request.nonce });
      const kid = ((await (await fetch(`${emulator.url}/oidc/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys[0]!.kid;
      await emulator.stop();

      emulator = await start({ dataDir, port: Number(port) });
      try {
        const jwks = (await (await fetch(`${emulator.url}/oidc/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
        expect(jwks.keys.map((key) => key.kid)).toEqual([kid]);
        const fresh = createOidcClient({ appId: 'emulator-app', appSecret: 'emulator-app-secret', appHost: emulator.url, redirectUri });
        expect(await verifyIdToken(fresh, tokens.id_token!, { nonce: request.nonce })).toMatchObject({ sub: 'alice-id' });
      } finally {
        await emulator.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
