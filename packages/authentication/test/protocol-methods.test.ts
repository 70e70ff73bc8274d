// AuthenticationClient's protocol methods against real servers: panva's
// oidc-provider laid out at Authing's /oidc paths, and django-cas-server behind
// a path-mapping proxy that gives it Authing's /cas-idp/{appId} layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationClient, ValidationError } from '../src/index.ts';
import { casUser, loginThroughForm, startAuthingCasLayout, startCasServer, type CasTestServer } from '../../protocols/test/servers/cas-server.ts';
import { followToCallback, secrets, startOidcProvider, type OidcTestServer } from '../../protocols/test/servers/oidc-provider.ts';

const CALLBACK = 'http://127.0.0.1:9/callback';
const LOGGED_OUT = 'http://127.0.0.1:9/logged-out';

describe('OIDC through AuthenticationClient', () => {
  let op: OidcTestServer;
  beforeAll(async () => {
    op = await startOidcProvider({ redirectUris: [CALLBACK], postLogoutRedirectUris: [LOGGED_OUT] });
  }, 60_000);
  afterAll(() => op.close());

  const client = (method: 'client_secret_post' | 'client_secret_basic' = 'client_secret_post') =>
    new AuthenticationClient({
      appId: method === 'client_secret_post' ? 'post-client' : 'basic-client',
      appSecret: method === 'client_secret_post' ? secrets.post : secrets.basic,
      appHost: op.origin,
      redirectUri: CALLBACK,
      logoutRedirectUri: LOGGED_OUT,
      scope: 'openid profile offline_access',
      tokenEndPointAuthMethod: method,
      introspectionEndPointAuthMethod: method,
      revocationEndPointAuthMethod: method,
    });

  it('runs the documented code flow with PKCE, then userinfo, refresh, introspection, revocation and logout', async () => {
    const auth = client();
    const { url, state, nonce, codeVerifier } = await auth.buildAuthorizeUrl({ loginHint: 'alice' });
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const callback = new URL(await followToCallback(url, CALLBACK));
    expect(callback.searchParams.get('state')).toBe(state);

    const tokens = await auth.getAccessTokenByCode(callback.searchParams.get('code')!, { codeVerifier: codeVerifier!, nonce: nonce! });
    expect(tokens.claims).toMatchObject({ sub: 'alice', aud: 'post-client', nonce });
    expect(await auth.verifyIdToken(tokens.id_token!, { nonce: nonce! })).toMatchObject({ sub: 'alice' });
    expect(await auth.getUserInfoByAccessToken(tokens.access_token)).toMatchObject({ sub: 'alice' });
    expect(await auth.introspectToken(tokens.access_token)).toMatchObject({ active: true, sub: 'alice' });

    const refreshed = await auth.getNewAccessTokenByRefreshToken(tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(await auth.revokeToken(refreshed.access_token)).toBe(true);
    expect(await auth.introspectToken(refreshed.access_token)).toMatchObject({ active: false });

    const logout = new URL(await auth.buildLogoutUrl({ idToken: tokens.id_token!, state: 'bye' }));
    expect(logout.pathname).toBe('/oidc/session/end');
    expect(logout.searchParams.get('id_token_hint')).toBe(tokens.id_token);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(LOGGED_OUT);
    expect(logout.searchParams.get('state')).toBe('bye');
  });

  it('authenticates with client_secret_basic and gets client-credentials tokens', async () => {
    const auth = client('client_secret_basic');
    const tokens = await auth.getAccessTokenByClientCredentials({ scope: 'api:read' });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(op.requests.some((r) => r.url.startsWith('/oidc/token') && String(r.headers.authorization).startsWith('Basic '))).toBe(true);
  });

  it('rejects a code exchange with the wrong verifier as an OAuthError', async () => {
    const auth = client();
    const { url } = await auth.buildAuthorizeUrl({ loginHint: 'bob' });
    const code = new URL(await followToCallback(url, CALLBACK)).searchParams.get('code')!;
    await expect(auth.getAccessTokenByCode(code, { codeVerifier: 'x'.repeat(43) })).rejects.toMatchObject({ name: 'OAuthError', error: 'invalid_grant' });
  });
});

describe('CAS through AuthenticationClient', () => {
  let cas: CasTestServer;
  let layout: { appHost: string; stop(): void };
  let appHost: string;

  beforeAll(async () => {
    cas = await startCasServer();
    layout = await startAuthingCasLayout(cas, 'app-1');
    appHost = layout.appHost;
  }, 60_000);
  afterAll(async () => {
    layout?.stop();
    await cas?.stop();
  });

  const service = 'http://127.0.0.1:9/cas/callback?next=/a b&x=1';
  const ticketFor = async (svc: string) => {
    const redirect = await loginThroughForm(`${cas.serverUrl}/login?${new URLSearchParams({ service: svc })}`);
    return redirect.searchParams.get('ticket')!;
  };

  it('builds the documented login URL and validates tickets in the documented shapes', async () => {
    const auth = new AuthenticationClient({ appId: 'app-1', appHost, protocol: 'cas', tokenEndPointAuthMethod: 'none', introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' });
    const { url } = await auth.buildAuthorizeUrl({ service });
    expect(url).toBe(`${appHost}/cas-idp/app-1/login?service=${encodeURIComponent(service).replace(/%20/g, '+')}`);
    expect(new URL(url).searchParams.get('service')).toBe(service);
    await expect(auth.buildAuthorizeUrl()).rejects.toBeInstanceOf(ValidationError);

    const ticket = await ticketFor(service);
    expect(await auth.validateTicketV1(ticket, service)).toEqual({ valid: true, user: casUser.username });
    expect(await auth.validateTicketV1(ticket, service)).toMatchObject({ valid: false });

    const v2 = await auth.validateTicketV2(await ticketFor(service), service, 'XML');
    expect(v2).toMatchObject({ valid: true, user: casUser.username });
    expect(v2.attributes).toBeDefined();
    expect(await auth.validateTicketV2('ST-unknown', service)).toMatchObject({ valid: false, code: 'INVALID_TICKET' });
  });

  it('SAML apps get Authing\'s IdP login URL', async () => {
    const auth = new AuthenticationClient({ appId: 'app 1', appHost: 'https://example.authing.cn', protocol: 'saml', tokenEndPointAuthMethod: 'none', introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' });
    expect((await auth.buildAuthorizeUrl()).url).toBe('https://example.authing.cn/api/v2/saml-idp/app%201');
    await expect(auth.getAccessTokenByCode('c', { codeVerifier: 'v'.repeat(43) })).rejects.toBeInstanceOf(ValidationError);
  });
});
