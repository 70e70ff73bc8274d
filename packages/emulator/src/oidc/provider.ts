import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessTokenLifetime } from '../auth/app.ts';
import { readBody } from '../body.ts';
import type { Services } from '../context.ts';
import { langs, message, type Lang } from '../messages.ts';
import { verifyPassword } from '../passwords.ts';
import type { UserRecord } from '../state.ts';
import { verifyJwt, type Claims } from '../tokens.ts';
import { adapterFactory, StateStorage } from './adapter.ts';
import { loadOrCreateKeys } from './keys.ts';
import { escapeHtml, loginForm, messagePage } from './login-page.ts';
import { registerOidc } from './registry.ts';

/** Mount point of the provider: Authing serves OIDC under `{appHost}/oidc`. */
export const mountPath = '/oidc';
const interactionPrefix = `${mountPath}/interaction/`;

/** The emulator's OIDC provider: answers every request under `/oidc`. */
export interface EmulatorOidc {
  readonly issuer: string;
  /** True when the request belongs to the provider (its path is under `/oidc`). */
  owns(request: IncomingMessage): boolean;
  handle(request: IncomingMessage, response: ServerResponse): void;
}

export interface OidcOptions {
  dataDir?: string;
  lang: Lang;
  log?: (line: string) => void;
}

// oidc-provider ships no type declarations; these are the few members the emulator uses.
type Ctx = { method: string; path: string; status: number; body: unknown; oidc?: { params?: Record<string, unknown>; client?: { clientId: string } } };
interface Interaction {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface GrantModel {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
  use(middleware: (ctx: Ctx, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
  interactionResult(request: IncomingMessage, response: ServerResponse, result: unknown, options: { mergeWithLastSubmission: boolean }): Promise<string>;
  Grant: { new (init: { accountId: string; clientId: string }): GrantModel; find(id: string): Promise<GrantModel | undefined> };
  AccessToken: { find(value: string): Promise<{ accountId?: string; clientId: string; jti: string; iat: number; exp: number; scope?: string; isExpired: boolean } | undefined> };
  Client: { find(id: string): Promise<{ clientName?: string } | undefined> };
}

/** Standard claims per scope; `sub` is the emulator's userId. */
const claimsByScope = {
  openid: ['sub'],
  profile: ['name', 'nickname', 'given_name', 'family_name', 'middle_name', 'preferred_username', 'picture', 'website', 'gender', 'birthdate', 'updated_at'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
};

function userClaims(user: UserRecord): Record<string, unknown> {
  const { profile } = user;
  const claims: Record<string, unknown> = {
    sub: user.userId,
    name: profile.name,
    nickname: profile.nickname,
    given_name: profile.givenName,
    family_name: profile.familyName,
    middle_name: profile.middleName,
    preferred_username: user.username ?? profile.preferredUsername,
    picture: profile.photo,
    website: profile.website,
    gender: user.gender === 'M' ? 'male' : user.gender === 'F' ? 'female' : undefined,
    birthdate: profile.birthdate,
    updated_at: Math.floor(Date.parse(user.updatedAt) / 1000),
    ...(user.email ? { email: user.email, email_verified: user.emailVerified } : {}),
    ...(user.phone ? { phone_number: user.phone, phone_number_verified: user.phoneVerified } : {}),
  };
  for (const key of Object.keys(claims)) if (claims[key] === undefined || claims[key] === '') delete claims[key];
  return claims;
}

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  response.end(body);
}

/**
 * Builds the provider on `oidc-provider` (panva's certified OP) at Authing's paths, with the
 * emulator's apps as clients and its users as accounts, and registers it so the v3
 * endpoints accept the access tokens it issues.
 */
export async function startOidc(services: Services, options: OidcOptions): Promise<EmulatorOidc> {
  const { store } = services;
  const issuer = `${services.url()}${mountPath}`;
  const [keys, module] = await Promise.all([
    loadOrCreateKeys(options.dataDir),
    // @ts-expect-error oidc-provider ships no type declarations
    import('oidc-provider') as Promise<{ default: new (issuer: string, configuration: unknown) => Provider }>,
  ]);
  const storage = new StateStorage(store);

  const provider = new module.default(issuer, {
    adapter: adapterFactory(storage, store),
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'phone'],
    claims: claimsByScope,
    // Like Authing's, the ID token carries the granted profile/email/phone claims, not only sub.
    conformIdTokenClaims: false,
    pkce: { required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
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
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      // A public client may introspect only its own tokens; a confidential one any (oidc-provider's default).
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string; clientAuthMethod: string }, token: { clientId?: string }) =>
          client.clientAuthMethod !== 'none' || token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: Ctx, form: string) => {
          ctx.body = messagePage('Sign out', 'Sign out of the Authing emulator?', `${form}<button form="op.logoutForm" name="logout" value="yes">Sign out</button> <button form="op.logoutForm">Stay signed in</button>`);
        },
        postLogoutSuccessSource: async (ctx: Ctx) => {
          ctx.body = messagePage('Signed out', 'You are signed out of the Authing emulator.');
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${interactionPrefix}${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const user = store.findUser('user_id', id);
      if (!user || user.status === 'Suspended' || user.status === 'Deactivated') return undefined;
      return { accountId: user.userId, claims: async () => userClaims(user) };
    },
    clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    renderError: async (ctx: Ctx, out: { error: string; error_description?: string }) => {
      ctx.body = messagePage('Sign-in error', `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`);
    },
    ttl: {
      AccessToken: accessTokenLifetime,
      AuthorizationCode: 600,
      ClientCredentials: 7200,
      IdToken: 3600,
      RefreshToken: 30 * 24 * 3600,
      Interaction: 3600,
      Session: accessTokenLifetime,
      Grant: 30 * 24 * 3600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
  });

  // Revocation also covers the HS256 tokens of the v3 sign-in (the app's own tokens), as the
  // hand-written route did before the provider owned `/oidc/token/revocation`. oidc-provider
  // refuses JWTs there (unsupported_token_type) after authenticating the client; such a token
  // the emulator signed for that client is revoked here instead, and answered 200 (RFC 7009).
  provider.use(async (ctx, next) => {
    let failure: unknown;
    try {
      await next();
    } catch (error) {
      failure = error;
    }
    const refused = (failure as { error?: string } | undefined)?.error ?? (ctx.body as { error?: string } | undefined)?.error;
    const token = ctx.oidc?.params?.token;
    const clientId = ctx.oidc?.client?.clientId;
    if (ctx.method === 'POST' && ctx.path === '/token/revocation' && refused === 'unsupported_token_type' && typeof token === 'string' && clientId) {
      const claims = verifyJwt(store.state.jwtSecret, token);
      if (claims && claims.aud === clientId && store.state.revokedTokens[claims.jti] === undefined) {
        await store.write((state) => {
          const now = Date.now() / 1000;
          for (const [jti, exp] of Object.entries(state.revokedTokens)) if (exp < now) delete state.revokedTokens[jti];
          state.revokedTokens[claims.jti] = claims.exp;
        });
      }
      ctx.status = 200;
      ctx.body = '';
      return;
    }
    if (failure !== undefined) throw failure;
  });

  const callback = provider.callback();

  async function interact(request: IncomingMessage, response: ServerResponse, uid: string): Promise<void> {
    let details: Interaction;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      html(response, 400, messagePage('Sign-in expired', 'This sign-in request has expired or was already used. Start again from the application.'));
      return;
    }
    // The form is bound to its interaction: the path's uid must be the one of the interaction cookie.
    if (details.uid !== uid) {
      html(response, 400, messagePage('Sign-in error', 'This sign-in form does not belong to the current sign-in request.'));
      return;
    }
    const locale = String(details.params.ui_locales ?? '').split(' ')[0] ?? '';
    const lang: Lang = (langs as readonly string[]).includes(locale) ? (locale as Lang) : options.lang;
    const client = await provider.Client.find(String(details.params.client_id));
    const appName = client?.clientName ?? String(details.params.client_id);
    const action = `${interactionPrefix}${encodeURIComponent(uid)}`;

    if (details.prompt.name === 'login') {
      if (request.method !== 'POST') {
        const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
        html(response, 200, loginForm({ action, appName, ...(hint ? { account: hint } : {}) }));
        return;
      }
      const read = await readBody(request);
      if (!read.ok) {
        html(response, read.reason === 'too-large' ? 413 : 400, messagePage('Sign-in error', 'The form could not be read.'));
        return;
      }
      const form = new URLSearchParams(read.text);
      const account = (form.get('account') ?? '').trim();
      const password = form.get('password') ?? '';
      // The v3 sign-in's check for a bare account: username, then email, then phone; then the password hash.
      const user = account === '' ? undefined : store.findUser('username', account) ?? store.findUser('email', account) ?? store.findUser('phone', account);
      const passwordOk = await verifyPassword(password, user?.passwordHash);
      if (!user || !passwordOk) {
        html(response, 401, loginForm({ action, appName, account, error: message('wrongCredentials', lang) }));
        return;
      }
      if (user.status === 'Suspended' || user.status === 'Deactivated') {
        html(response, 403, loginForm({ action, appName, account, error: message('userSuspended', lang) }));
        return;
      }
      await store.write(() => {
        user.loginsCount += 1;
        user.lastLogin = new Date().toISOString();
      });
      const to = await provider.interactionResult(request, response, { login: { accountId: user.userId } }, { mergeWithLastSubmission: false });
      response.writeHead(303, { location: to, 'cache-control': 'no-store' });
      response.end();
      return;
    }

    if (details.prompt.name === 'consent') {
      // Consent is granted automatically: every scope and claim the app asked for.
      const accountId = details.session?.accountId;
      if (!accountId) {
        html(response, 400, messagePage('Sign-in error', 'No signed-in user for this request.'));
        return;
      }
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
      const target = grant ?? new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) target.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) target.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) target.addResourceScope(indicator, scopes.join(' '));
      const grantId = await target.save();
      const to = await provider.interactionResult(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
      response.writeHead(303, { location: to, 'cache-control': 'no-store' });
      response.end();
      return;
    }
    html(response, 400, messagePage('Sign-in error', `Unsupported prompt ${escapeHtml(details.prompt.name)}.`));
  }

  const oidc: EmulatorOidc = {
    issuer,
    owns(request) {
      const url = request.url ?? '/';
      return url === mountPath || url.startsWith(`${mountPath}/`) || url.startsWith(`${mountPath}?`);
    },
    handle(request, response) {
      const url = request.url ?? '/';
      const method = request.method ?? 'GET';
      const path = url.split('?')[0]!;
      if (options.log) response.on('finish', () => options.log!(`${method} ${path} ${response.statusCode}`));
      const fail = (error: unknown) => {
        options.log?.(`error ${method} ${path}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        if (!response.headersSent) html(response, 500, messagePage('Server error', 'The emulator failed to answer this request.'));
        else response.destroy();
      };
      if (path.startsWith(interactionPrefix)) {
        const uid = decodeURIComponent(path.slice(interactionPrefix.length));
        if (method !== 'GET' && method !== 'POST') {
          html(response, 405, messagePage('Sign-in error', 'Method not allowed.'));
          return;
        }
        interact(request, response, uid).catch(fail);
        return;
      }
      // oidc-provider derives its mount path from originalUrl; without it discovery would lose `/oidc`.
      (request as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      request.url = url.slice(mountPath.length) || '/';
      try {
        callback(request, response);
      } catch (error) {
        fail(error);
      }
    },
  };

  registerOidc(services, {
    async accessTokenClaims(value: string): Promise<Claims | undefined> {
      let token;
      try {
        token = await provider.AccessToken.find(value);
      } catch {
        return undefined;
      }
      if (!token || token.isExpired || !token.accountId) return undefined;
      return {
        typ: 'access',
        sub: token.accountId,
        iat: token.iat,
        exp: token.exp,
        jti: token.jti,
        scoped_userpool_id: store.state.pool.userPoolId,
        aud: token.clientId,
        iss: issuer,
        ...(token.scope ? { scope: token.scope } : {}),
      };
    },
  });
  return oidc;
}
