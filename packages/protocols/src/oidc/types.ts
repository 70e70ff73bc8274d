import type { Lang } from '@authing/core';

/** How the client authenticates at the token, introspection and revocation endpoints. */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'none';

/** Which of Authing's two protocol families the application uses. */
export type Protocol = 'oidc' | 'oauth';

/** Options of {@link createOidcClient}; the names mirror Authing's `AuthenticationClient`. */
export interface OidcClientOptions {
  /** The application's ID, used as OAuth `client_id`. */
  appId: string;
  /** The application's secret. Needed for `client_secret_*` methods and for HS256 ID tokens; never put it in a browser. */
  appSecret?: string;
  /** The application's domain, such as `https://example.authing.cn`; normalised by the rules of core's `host`. */
  appHost: string;
  /** Default `redirect_uri` of authorization requests and code exchanges. */
  redirectUri?: string;
  /** Default `post_logout_redirect_uri` of {@link buildLogoutUrl}. */
  logoutRedirectUri?: string;
  /** Default scope. `openid profile` for OIDC, `user` for OAuth (as Authing's SDKs). */
  scope?: string;
  /** `oidc` (default): discovery at `{issuer}/.well-known/openid-configuration`. `oauth`: Authing's fixed `/oauth/*` endpoints. */
  protocol?: Protocol;
  /** Default `client_secret_post`. Use `none` for public clients (browsers, mobile apps). */
  tokenEndPointAuthMethod?: ClientAuthMethod;
  /** Default: `tokenEndPointAuthMethod`. */
  introspectionEndPointAuthMethod?: ClientAuthMethod;
  /** Default: `tokenEndPointAuthMethod`. */
  revocationEndPointAuthMethod?: ClientAuthMethod;
  /**
   * Issuer identifier. Default `{appHost}/oidc` (OIDC) or `{appHost}/oauth` (OAuth). Compared exactly with the discovery
   * document's `issuer` and with `iss`: write it as the server does, trailing slash included.
   */
  issuer?: string;
  /** Allowed ID token / JWT access token `alg` values. Default `['RS256']`. `HS256` is verified with `appSecret`; `none` is refused. */
  idTokenSigningAlgorithms?: string[];
  /** Seconds of clock skew tolerated for `exp`, `nbf`, `iat` and `auth_time`. Default 60. */
  clockTolerance?: number;
  /** Minimum seconds between two JWKS re-fetches triggered by an unknown `kid`. Default 60. */
  jwksCooldown?: number;
  /** Milliseconds per request before `TimeoutError`. Default 10 000. */
  timeout?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Sent as `x-authing-lang` with every request. */
  lang?: Lang;
}

/** A configured relying party: a plain, immutable object passed to every function of this module. */
export interface OidcClient {
  readonly appId: string;
  readonly appHost: string;
  readonly issuer: string;
  readonly protocol: Protocol;
  readonly redirectUri: string | undefined;
  readonly logoutRedirectUri: string | undefined;
  readonly scope: string;
  readonly tokenEndPointAuthMethod: ClientAuthMethod;
  readonly introspectionEndPointAuthMethod: ClientAuthMethod;
  readonly revocationEndPointAuthMethod: ClientAuthMethod;
  readonly idTokenSigningAlgorithms: readonly string[];
  readonly clockTolerance: number;
  readonly jwksCooldown: number;
  readonly timeout: number;
  readonly lang: Lang | undefined;
}

/** Per-call transport settings. */
export interface RequestOptions {
  /** Milliseconds before `TimeoutError`; overrides the client's. */
  timeout?: number;
  /** Aborts the call with `AbortError`. */
  signal?: AbortSignal;
}

/** Parameters of an authorization request. State, nonce and PKCE are always generated, never accepted. */
export interface AuthorizeParams {
  /** Overrides the client's scope. */
  scope?: string;
  /** `login`, `consent`, `none`, `select_account`. Default `consent` when the scope has `offline_access`. */
  prompt?: string;
  /** `query` (default on the server), `fragment` or `form_post`. */
  responseMode?: string;
  /** Authing tenant, sent as `tenant_id`. */
  tenantId?: string;
  /** Sent as `login_hint`. */
  loginHint?: string;
  /** Overrides the client's `redirectUri`. */
  redirectUri?: string;
  /** Any other parameter (`ui_locales`, `acr_values`, …). Cannot override state, nonce, PKCE, client or redirect parameters. */
  extraParams?: Record<string, string>;
}

/** Result of {@link buildAuthorizeUrl}. Keep `state`, `nonce` and `codeVerifier` server-side or in session storage. */
export interface AuthorizeRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Standard and Authing claims of a validated ID token. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nbf?: number;
  nonce?: string;
  azp?: string;
  auth_time?: number;
  at_hash?: string;
  c_hash?: string;
  [claim: string]: unknown;
}

/** Claims of a validated JWT access token. */
export interface AccessTokenClaims {
  iss: string;
  exp: number;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  scope?: string;
  client_id?: string;
  [claim: string]: unknown;
}

/**
 * A token endpoint response (RFC 6749 §5.1), as the server sent it, plus `claims`: the
 * validated ID token claims when the response had an `id_token`.
 */
export interface TokenSet {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  /** Added by the SDK: the claims of `id_token`, after full validation. */
  claims?: IdTokenClaims;
  [field: string]: unknown;
}

/** An RFC 7662 introspection response. */
export interface IntrospectionResult {
  active: boolean;
  scope?: string;
  client_id?: string;
  username?: string;
  token_type?: string;
  exp?: number;
  iat?: number;
  sub?: string;
  aud?: string | string[];
  iss?: string;
  [field: string]: unknown;
}

/** UserInfo claims; `sub` is always present. */
export interface UserInfo {
  sub: string;
  [claim: string]: unknown;
}

/** What a transaction store keeps between the redirect and the callback. */
export interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** The requested scope, to know whether an ID token must come back. */
  scope: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}
