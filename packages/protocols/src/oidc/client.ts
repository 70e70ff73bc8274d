import type { AuthorizationServer } from 'oauth4webapi';
import { loopback, normalizeHost } from './host.ts';
import type { JwksState } from './jwks.ts';
import type { OidcClient, OidcClientOptions, Protocol } from './types.ts';
import { checkRequestOptions, httpUrl, invalidOption, oneOf, optionalString, requireRedirectUri } from './validate.ts';

/** What a handle keeps out of sight: the secret, the injected fetch and the caches. */
export interface Internals {
  readonly appSecret: string | undefined;
  readonly fetch: typeof fetch | undefined;
  /** Plain http is allowed only for loopback issuers (core's host rules), which oauth4webapi must be told. */
  readonly insecure: boolean;
  /** One discovery per handle: the in-flight or settled promise; cleared on failure. */
  discovery: Promise<AuthorizationServer> | undefined;
  /** Set by `discoverOidcClient`: the authorization endpoint of a custom issuer. */
  authorizationEndpoint: string | undefined;
  readonly jwks: JwksState;
}

const internals = new WeakMap<OidcClient, Internals>();

export function internalsOf(client: OidcClient): Internals {
  const found = internals.get(client);
  if (!found) throw invalidOption('client', 'a handle returned by createOidcClient');
  return found;
}

const authMethods = ['client_secret_post', 'client_secret_basic', 'none'];
const authMethodOptions = ['tokenEndPointAuthMethod', 'introspectionEndPointAuthMethod', 'revocationEndPointAuthMethod'] as const;

function seconds(field: 'clockTolerance' | 'jwksCooldown', value: number | undefined): number {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw invalidOption(field, 'a number of seconds, 0 or more');
  return value ?? 60;
}

/**
 * Creates a relying-party handle for an Authing app. Nothing is fetched yet: discovery and the
 * JWKS are loaded on first use and cached on the handle. Throws `ValidationError` for bad options.
 * For another provider (a custom `issuer`), use `discoverOidcClient`, which reads its discovery
 * document before the first redirect.
 */
export function createOidcClient(options: OidcClientOptions): OidcClient {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'an object');
  const { appId, appSecret, timeout, lang, redirectUri, logoutRedirectUri, fetch } = options;
  if (!optionalString('appId', appId)) throw invalidOption('appId', 'a non-empty string');
  optionalString('appSecret', appSecret);
  // timeout, lang and appHost follow core's createClient rules (same messages, field `host`).
  checkRequestOptions({ timeout });
  oneOf('lang', lang, ['zh-CN', 'en-US', 'ja-JP', 'zh-TW']);
  const appHost = normalizeHost(options.appHost);
  const protocol = oneOf<Protocol>('protocol', options.protocol, ['oidc', 'oauth'], 'oidc');
  // The issuer is compared byte for byte with `iss`, so it is checked but not rewritten.
  const issuer = options.issuer ?? `${appHost}/${protocol}`;
  const url = httpUrl(issuer);
  if (!url || url.search || (url.protocol === 'http:' && !loopback.includes(url.hostname))) {
    throw invalidOption('issuer', 'an https URL without query or fragment (http only on loopback)');
  }
  if (redirectUri !== undefined) requireRedirectUri('redirectUri', redirectUri);
  if (logoutRedirectUri !== undefined) requireRedirectUri('logoutRedirectUri', logoutRedirectUri);
  const scope = optionalString('scope', options.scope) ?? (protocol === 'oidc' ? 'openid profile' : 'user');
  if (fetch !== undefined && typeof fetch !== 'function') throw invalidOption('fetch', 'a function');
  const algorithms = options.idTokenSigningAlgorithms ?? ['RS256'];
  if (
    !Array.isArray(algorithms) ||
    algorithms.length === 0 ||
    algorithms.some((alg) => typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none' || (alg.startsWith('HS') && !appSecret))
  ) {
    throw invalidOption('idTokenSigningAlgorithms', 'JWS algorithms, never none; HS* only with appSecret');
  }

  const client: OidcClient = Object.freeze({
    appId,
    appHost,
    issuer,
    protocol,
    redirectUri,
    logoutRedirectUri,
    scope,
    // Introspection and revocation follow the token endpoint unless set (RFC 7591 §2).
    ...(Object.fromEntries(
      authMethodOptions.map((field) => [field, oneOf(field, options[field] ?? options.tokenEndPointAuthMethod, authMethods, 'client_secret_post')]),
    ) as Pick<OidcClient, (typeof authMethodOptions)[number]>),
    idTokenSigningAlgorithms: Object.freeze([...algorithms]),
    clockTolerance: seconds('clockTolerance', options.clockTolerance),
    jwksCooldown: seconds('jwksCooldown', options.jwksCooldown),
    timeout: timeout ?? 10_000,
    lang,
  });
  internals.set(client, {
    appSecret,
    fetch,
    insecure: url.protocol === 'http:',
    discovery: undefined,
    authorizationEndpoint: undefined,
    jwks: { keys: undefined, refetchedAt: -Infinity, inflight: undefined },
  });
  return client;
}
