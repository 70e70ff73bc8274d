import {
  ValidationError,
  createClient,
  enUS,
  format,
  type AuthContext,
  type Authenticator,
  type Client,
  type ClientOptions,
  type Lang,
} from '@authing/core';

/** How the app authenticates itself to a token (or sign-in) endpoint. */
export type EndpointAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'none';

/** Options of `createAuthenticationClient` and `AuthenticationClient`, as in Authing's official SDK docs. */
export interface AuthenticationClientOptions<ThrowOnError extends boolean = false> extends Omit<ClientOptions<ThrowOnError>, 'host'> {
  /** The application's id, sent as `x-authing-app-id`. */
  appId: string;
  /** The application's secret; required unless every endpoint auth method is `none`. Never logged. */
  appSecret?: string;
  /** The application's domain, such as `https://my-app.authing.cn`, or a private deployment's. */
  appHost: string;
  /** Where the authorization server sends the user back (OIDC/OAuth). */
  redirectUri?: string;
  /** Where the user lands after logout. */
  logoutRedirectUri?: string;
  /** Scope. Default `openid profile` (OIDC) or `user` (OAuth). */
  scope?: string;
  /** The app's protocol. Default `oidc`. */
  protocol?: 'oidc' | 'oauth' | 'cas' | 'saml';
  /** Client authentication at the token endpoint and the sign-in endpoints. Default `client_secret_post`. */
  tokenEndPointAuthMethod?: EndpointAuthMethod;
  /** Client authentication at the introspection endpoint. Default: `tokenEndPointAuthMethod`. */
  introspectionEndPointAuthMethod?: EndpointAuthMethod;
  /** Client authentication at the revocation endpoint. Default: `tokenEndPointAuthMethod`. */
  revocationEndPointAuthMethod?: EndpointAuthMethod;
  /** The signed-in user's access token, for the profile and "my …" endpoints. */
  accessToken?: string;
  /** Sent as `x-authing-app-tenant-id` in multi-tenant apps. */
  tenantId?: string;
  /**
   * `false` accepts self-signed TLS certificates. Node only: import the client
   * from `@authing/authentication/node`.
   */
  rejectUnauthorized?: boolean;
}

/** The app's settings, kept on the client for the sign-in helpers and the protocol methods. */
export interface AppSettings {
  readonly appId: string;
  readonly appSecret: string | undefined;
  readonly appHost: string;
  readonly redirectUri: string | undefined;
  readonly logoutRedirectUri: string | undefined;
  readonly scope: string;
  readonly protocol: 'oidc' | 'oauth' | 'cas' | 'saml';
  readonly tokenEndPointAuthMethod: EndpointAuthMethod;
  readonly introspectionEndPointAuthMethod: EndpointAuthMethod;
  readonly revocationEndPointAuthMethod: EndpointAuthMethod;
  readonly lang: Lang | undefined;
}

/** A client for the end-user endpoints; the access token can change over its life. */
export interface AuthenticationClientHandle<ThrowOnError extends boolean = boolean> extends Client<ThrowOnError> {
  readonly app: AppSettings;
  readonly session: { accessToken: string | undefined };
}

// Endpoints where Authing expects the app's own credentials rather than a user's token.
const clientAuthenticatedPaths = new Set(['/api/v3/signin', '/api/v3/signin-by-mobile', '/api/v3/exchange-tokenset-with-qrcode-ticket']);

function userTokenAuth(app: AppSettings, session: { accessToken: string | undefined }): Authenticator {
  return {
    authorize(request: Request, context: AuthContext) {
      if (app.tokenEndPointAuthMethod === 'client_secret_basic' && clientAuthenticatedPaths.has(context.spec.path)) {
        const pair = `${encodeURIComponent(app.appId)}:${encodeURIComponent(app.appSecret ?? '')}`;
        request.headers.set('authorization', `Basic ${btoa(pair)}`);
      } else if (session.accessToken) {
        request.headers.set('authorization', `Bearer ${session.accessToken}`);
      }
    },
  };
}

const methods: ReadonlySet<string> = new Set(['client_secret_post', 'client_secret_basic', 'none']);

/**
 * An authentication client for the tree-shakeable endpoint functions:
 * `getProfile(client)` from `@authing/authentication/profile`.
 */
export function createAuthenticationClient<ThrowOnError extends boolean = false>(
  options: AuthenticationClientOptions<ThrowOnError>,
): AuthenticationClientHandle<ThrowOnError> {
  const messages = options?.messages ?? enUS;
  const invalid = (field: string, reason: string) => new ValidationError(format(messages, 'option', { field, reason }), field);
  const raw = (options ?? {}) as unknown as Record<string, unknown>;
  for (const field of ['appId', 'appHost']) {
    if (typeof raw[field] !== 'string' || raw[field] === '') throw invalid(field, 'a non-empty string');
  }
  // Introspection and revocation follow the token endpoint unless set, as registration metadata
  // does (RFC 7591 §2, RFC 8414 §2): a public app says `tokenEndPointAuthMethod: 'none'` once.
  const tokenEndPointAuthMethod = options.tokenEndPointAuthMethod ?? 'client_secret_post';
  const endpointMethods = {
    tokenEndPointAuthMethod,
    introspectionEndPointAuthMethod: options.introspectionEndPointAuthMethod ?? tokenEndPointAuthMethod,
    revocationEndPointAuthMethod: options.revocationEndPointAuthMethod ?? tokenEndPointAuthMethod,
  };
  for (const [field, value] of Object.entries(endpointMethods)) {
    if (!methods.has(value)) throw invalid(field, 'client_secret_post, client_secret_basic or none');
    if (value !== 'none' && !options.appSecret) throw invalid('appSecret', `required when ${field} is ${value}`);
  }
  // Authing's defaults: `openid profile` for OIDC, `user` for plain OAuth.
  const scope = options.scope ?? (options.protocol === 'oauth' ? 'user' : 'openid profile');
  if (!scope.split(' ').includes('openid') && (options.protocol ?? 'oidc') === 'oidc') throw invalid('scope', 'must include openid');
  if (options.rejectUnauthorized === false && !options.fetch) {
    throw invalid('rejectUnauthorized', "false needs Node's TLS settings: import AuthenticationClient from '@authing/authentication/node'");
  }

  const {
    appId, appSecret, appHost, redirectUri, logoutRedirectUri, scope: _scope, protocol, accessToken, tenantId,
    tokenEndPointAuthMethod: _t, introspectionEndPointAuthMethod: _i, revocationEndPointAuthMethod: _r, rejectUnauthorized: _tls,
    ...rest
  } = options;
  const session = { accessToken };
  const base = createClient<ThrowOnError>({ ...rest, host: appHost }, { identity: { 'app-id': appId, 'tenant-id': tenantId } });
  const app: AppSettings = {
    appId,
    appSecret,
    appHost: base.host,
    redirectUri,
    logoutRedirectUri,
    scope,
    protocol: protocol ?? 'oidc',
    ...endpointMethods,
    lang: rest.lang,
  };
  return { ...base, auth: userTokenAuth(app, session), app, session };
}

/** Sets (or clears) the signed-in user's access token used by the profile and "my …" endpoints. */
export function setAccessToken(client: AuthenticationClientHandle, accessToken: string | undefined): void {
  client.session.accessToken = accessToken;
}
