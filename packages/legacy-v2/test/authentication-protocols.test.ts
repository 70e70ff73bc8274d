import { AuthenticationClient as V3AuthenticationClient } from '@authing/authentication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, drive } from '../../emulator/test/browser.ts';
import { casUser, loginThroughForm, startAuthingCasLayout, startCasServer, type CasTestServer } from '../../protocols/test/servers/cas-server.ts';
import { AuthenticationClient as V2AuthenticationClient, type AuthenticationClient, type AuthenticationClientOptions } from '../src/index.ts';
import { rejection, sortedKeys } from './assertions.ts';
import { emulatorAuthentication, emulatorManagement, newUser, seed, unique, useEmulator } from './servers.ts';

const emulator = useEmulator();
// The emulator's default app has no redirect URI: it is a loopback client (RFC 8252).
const redirectUri = 'http://127.0.0.1:5173/callback';
const account = { account: unique('oidc'), password: 'passw0rd!' };
let userId = '';

beforeAll(async () => {
  userId = (await emulatorManagement(emulator()).users.create({ username: account.account, email: `${account.account}@example.com`, password: account.password })).id;
});

function client(extra: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return emulatorAuthentication(emulator(), { redirectUri, ...extra });
}

/** Follows the login redirects as the user's browser, signing in on the emulator's hosted page once. */
async function signInThrough(url: string): Promise<URL> {
  const outcome = await drive(browser(), url, redirectUri, account);
  if (!('url' in outcome)) throw new Error(`the flow stopped on a page (${outcome.status}): ${outcome.page.slice(0, 300)}`);
  return new URL(outcome.url);
}

describe('OIDC (emulator)', () => {
  it('buildAuthorizeUrl resolves v2 URL with PKCE S256 and CSPRNG state; getAccessTokenByCode(code) uses the kept verifier', async () => {
    const auth = client();
    const url = await auth.buildAuthorizeUrl();
    expect(typeof url).toBe('string');
    const query = new URL(url).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      client_id: seed.appId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid profile email phone address',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{43}$/),
      nonce: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    });
    const callback = await signInThrough(url);
    expect(callback.searchParams.get('state')).toBe(query.get('state'));
    const tokens = await auth.getAccessTokenByCode(callback.searchParams.get('code')!);
    expect(tokens).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), token_type: 'Bearer' });
    expect(tokens.claims).toMatchObject({ sub: userId, aud: seed.appId, nonce: query.get('nonce'), email: `${account.account}@example.com` });
    // The kept request is used once.
    expect(await rejection(auth.getAccessTokenByCode(callback.searchParams.get('code')!))).toMatchObject({ code: 'validation_error', message: expect.stringContaining('buildAuthorizeUrl') });
  });

  it('getAccessTokenByCode(code, { state }) picks the request of that state and refuses an unknown one', async () => {
    const auth = client();
    const first = await auth.buildAuthorizeUrl({ scope: 'openid profile' });
    const second = await auth.buildAuthorizeUrl({ scope: 'openid email' });
    const callback = await signInThrough(first);
    const state = callback.searchParams.get('state')!;
    expect(await rejection(auth.getAccessTokenByCode(callback.searchParams.get('code')!, { state: 'forged-state' }))).toMatchObject({ code: 'validation_error' });
    const tokens = await auth.getAccessTokenByCode(callback.searchParams.get('code')!, { state });
    expect(tokens.scope).toBe('openid profile');
    expect(new URL(second).searchParams.get('state')).not.toBe(state);
  });

  it('an explicit codeVerifier still works (from v3 buildAuthorizeUrl)', async () => {
    const v3 = new V3AuthenticationClient({ appId: seed.appId, appSecret: seed.appSecret, appHost: emulator().url, redirectUri });
    const request = await v3.buildAuthorizeUrl();
    const callback = await signInThrough(request.url);
    const tokens = await client().getAccessTokenByCode(callback.searchParams.get('code')!, { codeVerifier: request.codeVerifier });
    expect(tokens.claims?.sub).toBe(userId);
  });

  it('buildAuthorizeUrl refuses caller-chosen state, nonce, PKCE, implicit flows and another appId', async () => {
    const auth = client();
    for (const options of [{ state: 's' }, { nonce: 'n' }, { codeChallenge: 'c', codeChallengeMethod: 'plain' as const }, { responseType: 'id_token token' }, { appId: 'other-app' }]) {
      expect(await rejection(auth.buildAuthorizeUrl(options))).toMatchObject({ code: 'validation_error' });
    }
  });

  it('refreshToken, checkLoginStatus by introspection, userinfo, introspection and revocation of code-flow tokens', async () => {
    const auth = client();
    const url = await auth.buildAuthorizeUrl({ scope: 'openid profile offline_access' });
    const tokens = await auth.getAccessTokenByCode((await signInThrough(url)).searchParams.get('code')!);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    auth.setToken(tokens.access_token);

    const status = await auth.checkLoginStatus();
    expect(status).toMatchObject({ code: 200, status: true, data: { id: userId, userPoolId: seed.userPoolId } });
    expect(status.exp! - status.iat!).toBeGreaterThan(0);

    const before = await auth.getCurrentUser();
    expect(before).toMatchObject({ id: userId, token: tokens.access_token });
    const refreshed = await auth.refreshToken();
    expect(sortedKeys(refreshed)).toEqual(['exp', 'iat', 'token']);
    expect(refreshed.token).not.toBe(tokens.access_token);
    expect(refreshed.exp).toBeGreaterThan(refreshed.iat);
    // The kept user carries the new token; the server accepts it.
    expect(auth.checkLoggedIn()).toBe(userId);
    expect(await auth.getCurrentUser()).toMatchObject({ id: userId, token: refreshed.token });
    expect((await auth.getUserInfoByAccessToken(refreshed.token)).sub).toBe(userId);
    expect(await rejection(auth.getUserInfoByAccessToken(refreshed.token, { tokenPlace: 'query' }))).toMatchObject({ code: 'validation_error' });

    expect(await auth.introspectToken(refreshed.token)).toMatchObject({ active: true, sub: userId, client_id: seed.appId });
    expect(await auth.revokeToken(refreshed.token)).toBe(true);
    expect(await auth.introspectToken(refreshed.token)).toEqual({ active: false });
    expect(await auth.checkLoginStatus(refreshed.token)).toMatchObject({ code: 2207, status: false });
  });

  it('logout revokes the kept refresh token and the access token', async () => {
    const auth = client();
    const tokens = await auth.getAccessTokenByCode((await signInThrough(await auth.buildAuthorizeUrl({ scope: 'openid offline_access' }))).searchParams.get('code')!);
    auth.setToken(tokens.access_token);
    await auth.logout();
    const checker = client();
    expect(await checker.introspectToken(tokens.access_token)).toEqual({ active: false });
    expect(await checker.introspectToken(tokens.refresh_token!)).toEqual({ active: false });
    expect(await rejection(auth.refreshToken())).toMatchObject({ code: 'validation_error' });
  });

  it('getNewAccessTokenByRefreshToken uses a given refresh token', async () => {
    const auth = client();
    const tokens = await auth.getAccessTokenByCode((await signInThrough(await auth.buildAuthorizeUrl({ scope: 'openid offline_access' }))).searchParams.get('code')!);
    const renewed = await client().getNewAccessTokenByRefreshToken(tokens.refresh_token!);
    expect(renewed).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    expect(renewed.access_token).not.toBe(tokens.access_token);
  });

  it('validateToken and validateTokenLocally verify an ID token offline', async () => {
    const auth = client();
    const tokens = await auth.getAccessTokenByCode((await signInThrough(await auth.buildAuthorizeUrl())).searchParams.get('code')!);
    expect(await auth.validateToken({ idToken: tokens.id_token! })).toMatchObject({ sub: userId, aud: seed.appId, iss: `${emulator().url}/oidc` });
    expect(await auth.validateTokenLocally(tokens.id_token!)).toMatchObject({ sub: userId });
    expect(await rejection(auth.validateToken({ idToken: tokens.id_token!, accessToken: tokens.access_token }))).toMatchObject({ code: 'validation_error' });
    const tampered = `${tokens.id_token!.slice(0, -4)}AAAA`;
    expect(await rejection(auth.validateTokenLocally(tampered))).toMatchObject({ code: 'invalid_token' });
  });

  it('getAccessTokenByClientCredentials with the app or with { accessKey, accessSecret }', async () => {
    const own = await client().getAccessTokenByClientCredentials('profile');
    expect(own).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    const keyed = await client({ secret: undefined }).getAccessTokenByClientCredentials('profile', { accessKey: seed.appId, accessSecret: seed.appSecret });
    expect(await client().introspectToken(keyed.access_token)).toMatchObject({ active: true, client_id: seed.appId });
    expect(await rejection(client().getAccessTokenByClientCredentials(''))).toMatchObject({ code: 'validation_error' });
  });

  it('buildLogoutUrl resolves the OIDC end-session URL', async () => {
    const url = new URL(await client().buildLogoutUrl({ expert: true, idToken: 'the-id-token', redirectUri: 'http://127.0.0.1/' }));
    expect(url.origin + url.pathname).toBe(`${emulator().url}/oidc/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ id_token_hint: 'the-id-token', client_id: seed.appId, post_logout_redirect_uri: 'http://127.0.0.1/' });
  });

  it('generateCodeChallenge and getCodeChallengeDigest (RFC 7636 appendix B)', async () => {
    const auth = client();
    expect(auth.generateCodeChallenge()).toMatch(/^[\w-]{43}$/);
    expect(auth.generateCodeChallenge()).not.toBe(auth.generateCodeChallenge());
    const codeChallenge = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(await auth.getCodeChallengeDigest({ codeChallenge, method: 'S256' })).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(await auth.getCodeChallengeDigest({ codeChallenge, method: 'plain' })).toBe(codeChallenge);
  });
});

describe('CAS and SAML', () => {
  // Authing's CAS IdP is neither emulated nor in the spec: django-cas-server (Debian) stands in,
  // behind a proxy that gives it Authing's /cas-idp/{appId} layout.
  let server: CasTestServer;
  let layout: { appHost: string; stop(): void };
  beforeAll(async () => {
    server = await startCasServer();
    layout = await startAuthingCasLayout(server, 'cas-app');
  }, 60_000);
  afterAll(async () => {
    layout?.stop();
    await server?.stop();
  });

  const cas = () => client({ protocol: 'cas' });
  const casApp = () => new V2AuthenticationClient({ appId: 'cas-app', appHost: layout.appHost, protocol: 'cas', deprecationWarnings: false, retries: 0 });
  const service = 'http://127.0.0.1:9/cas/callback?next=/home';
  const ticket = async () => (await loginThroughForm(`${server.serverUrl}/login?${new URLSearchParams({ service })}`)).searchParams.get('ticket')!;

  it('validateTicketV1 resolves v2 { valid, username }, and { valid: false, message } for a spent ticket', async () => {
    const issued = await ticket();
    expect(await casApp().validateTicketV1(issued, service)).toEqual({ valid: true, username: casUser.username });
    expect(await casApp().validateTicketV1(issued, service)).toEqual({ valid: false, message: expect.any(String) });
  });

  it('validateTicketV2 resolves v2 CAS 2.0 bodies, in JSON and parsed from XML', async () => {
    const json = await casApp().validateTicketV2(await ticket(), service, 'JSON');
    expect(json).toMatchObject({ serviceResponse: { authenticationSuccess: { user: casUser.username } } });
    const xml = await casApp().validateTicketV2(await ticket(), service, 'XML');
    expect(xml).toMatchObject({ serviceResponse: { authenticationSuccess: { user: casUser.username } } });
    expect(await casApp().validateTicketV2('ST-unknown', service)).toMatchObject({ authenticationFailure: { code: 'INVALID_TICKET' } });
  });

  it('buildAuthorizeUrl and buildLogoutUrl of a CAS app; logout of a CAS app still revokes', async () => {
    const login = new URL(await cas().buildAuthorizeUrl({ service }));
    expect(login.pathname).toBe(`/cas-idp/${seed.appId}/login`);
    expect(login.searchParams.get('service')).toBe(service);
    const logout = new URL(await cas().buildLogoutUrl({ redirectUri: 'https://app.example.com/' }));
    expect(logout.pathname).toBe('/cas-idp/logout');
    const { username, password } = await newUser(emulatorManagement(emulator()));
    const auth = cas();
    const user = await auth.loginByUsername(username, password);
    await auth.logout();
    expect(await client().checkLoginStatus(user.token!)).toMatchObject({ status: false, code: 2207 });
  });

  it("buildAuthorizeUrl of a SAML app is the IdP's URL", async () => {
    expect(await client({ protocol: 'saml' }).buildAuthorizeUrl()).toBe(`${emulator().url}/api/v2/saml-idp/${seed.appId}`);
  });
});
