// A real, OpenID-certified authorization server (panva's oidc-provider) laid out at Authing's
// paths: issuer {origin}/oidc with /auth, /token, /me, /token/introspection, /token/revocation,
// /session/end and /.well-known/jwks.json. Login and consent are automatic (the account comes
// from login_hint), so a code flow is "follow redirects with a cookie jar".
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';

// Its quick-start WARNING / NOTICE lines are about production settings a test server does not need.
for (const level of ['info', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
    original(...args);
  };
}

export const secrets = {
  post: 'post-secret-0123456789abcdef0123456789abcdef',
  basic: 'basic-secret-0123456789abcdef0123456789abcdef',
};

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface OidcTestServer {
  origin: string;
  issuer: string;
  /** The provider's RS256 signing key (kid `k1`), so tests can mint tokens the real JWKS verifies. */
  privateKey: CryptoKey;
  kid: string;
  /** Every request the server received, in order. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

interface Options {
  /** Registered on every client. */
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the provider on 127.0.0.1 with clients `post-client`, `basic-client` and `public-client`. */
export async function startOidcProvider(options: Options): Promise<OidcTestServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `${origin}/oidc`;
  const kid = 'k1';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const common = {
    redirect_uris: options.redirectUris,
    post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
    response_types: ['code'],
    scope: 'openid profile email offline_access api:read',
  };
  const confidential = { ...common, grant_types: ['authorization_code', 'refresh_token', 'client_credentials'] };
  const provider = new Provider(issuer, {
    clients: [
      { ...confidential, client_id: 'post-client', client_secret: secrets.post, token_endpoint_auth_method: 'client_secret_post' },
      { ...confidential, client_id: 'basic-client', client_secret: secrets.basic, token_endpoint_auth_method: 'client_secret_basic' },
      { ...common, client_id: 'public-client', token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    scopes: ['openid', 'offline_access', 'api:read'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    routes: {
      authorization: '/auth',
      token: '/token',
      userinfo: '/me',
      jwks: '/.well-known/jwks.json',
      introspection: '/token/introspection',
      revocation: '/token/revocation',
      end_session: '/session/end',
    },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true, allowedPolicy: async () => true },
      revocation: { enabled: true, allowedPolicy: async () => true },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // A bare page whose form a test can parse (the default one only adds styling).
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = `<!DOCTYPE html><html><body>${form}</body></html>`;
        },
      },
    },
    clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) =>
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/oidc/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, name: `User ${id}`, email: `${id}@example.test`, email_verified: true }),
    }),
    ttl: { AccessToken: 3600, AuthorizationCode: 60, ClientCredentials: 600, IdToken: 3600, Grant: 3600, Interaction: 600, Session: 3600, RefreshToken: 86400 },
  });
  const callback = provider.callback();
  const requests: SeenRequest[] = [];

  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    requests.push({ method: req.method ?? '', url, headers: req.headers });
    if (url.startsWith('/oidc/interaction/')) {
      try {
        await interact(provider, req, res);
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
      return;
    }
    if (url === '/oidc' || url.startsWith('/oidc/') || url.startsWith('/oidc?')) {
      // oidc-provider derives its mount path from originalUrl; without it discovery loses /oidc.
      (req as { originalUrl?: string }).originalUrl = url;
      req.url = url.slice('/oidc'.length) || '/';
      callback(req, res);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin,
    issuer,
    privateKey,
    kid,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Logs in the account named by login_hint (default alice) and grants every requested scope. */
async function interact(provider: any, req: unknown, res: unknown): Promise<void> {
  const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
  if (prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: params.login_hint || 'alice' } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const details = prompt.details;
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, (scopes as string[]).join(' '));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** A minimal cookie jar over fetch, enough for the provider's session and interaction cookies. */
export interface CookieJar {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  cookies: Map<string, string>;
}

export function cookieJar(): CookieJar {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async fetch(url, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const index = pair.indexOf('=');
        cookies.set(pair.slice(0, index), pair.slice(index + 1));
      }
      return response;
    },
  };
}

/** Follows the provider's redirects (auto login and consent) until the redirect URI; returns the callback URL. */
export async function followToCallback(authorizeUrl: string, redirectPrefix: string, jar: CookieJar = cookieJar()): Promise<string> {
  let url = authorizeUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectPrefix)) return url;
    const response = await jar.fetch(url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`expected a redirect from ${url}, got ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}
