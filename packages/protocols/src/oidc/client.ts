import { createClient } from '@authing/core';
import type { AuthorizationServer } from 'oauth4webapi';
import type { JwksState } from './jwks.ts';
import type { ClientAuthMethod, OidcClient, OidcClientOptions, Protocol } from './types.ts';
import { invalidOption, requireRedirectUri } from './validate.ts';

/** What a handle keeps out of sight: the secret, the injected fetch and the caches. */
export interface Internals {
  readonly appSecret: string | undefined;
  readonly fetch: typeof fetch | undefined;
  /** Plain http is allowed only for loopback issuers (core's host rules), which oauth4webapi must be told. */
  readonly insecure: boolean;
  /** One discovery per handle: the in-flight or settled promise; cleared on failure. */
  discovery: Promise<AuthorizationServer> | undefined;
  readonly jwks: JwksState;
}

const internals = new WeakMap<OidcClient, Internals>();

export function internalsOf(client: OidcClient): Internals {
  const found = internals.get(client);
  if (!found) throw invalidOption('client', 'a handle returned by createOidcClient');
  return found;
}

const authMethods: ReadonlySet<string> = new Set<ClientAuthMethod>(['client_secret_post', 'client_secret_basic', 'none']);

function authMethod(field: string, value: ClientAuthMethod | undefined): ClientAuthMethod {
  if (value === undefined) return 'client_secret_post';
  if (!authMethods.has(value)) throw invalidOption(field, 'client_secret_post, client_secret_basic or none');
  return value;
}

function nonNegative(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value >= 0)) throw invalidOption(field, 'a number of seconds, 0 or more');
  return value;
}

/** The issuer is compared byte for byte with `iss`, so it is checked but not rewritten. */
function checkIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalidOption('issuer', 'an absolute URL');
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.search || url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw invalidOption('issuer', 'an https URL without query or fragment (http only on loopback)');
  }
  return issuer;
}

/**
 * Creates a relying-party handle. Nothing is fetched yet: discovery and the JWKS are loaded on
 * first use and cached on the handle. Throws `ValidationError` for bad options.
 */
export function createOidcClient(options: OidcClientOptions): OidcClient {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'an object');
  if (typeof options.appId !== 'string' || options.appId.length === 0) throw invalidOption('appId', 'a non-empty string');
  if (options.appSecret !== undefined && (typeof options.appSecret !== 'string' || options.appSecret.length === 0)) {
    throw invalidOption('appSecret', 'a non-empty string');
  }
  // core validates host, timeout and lang exactly as for the API clients.
  const core = createClient({
    host: options.appHost,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
  const protocol: Protocol = options.protocol ?? 'oidc';
  if (protocol !== 'oidc' && protocol !== 'oauth') throw invalidOption('protocol', 'oidc or oauth');
  const issuer = checkIssuer(options.issuer ?? `${core.host}/${protocol}`);
  if (options.redirectUri !== undefined) requireRedirectUri('redirectUri', options.redirectUri);
  if (options.logoutRedirectUri !== undefined) requireRedirectUri('logoutRedirectUri', options.logoutRedirectUri);
  if (options.scope !== undefined && (typeof options.scope !== 'string' || options.scope.trim() === '')) {
    throw invalidOption('scope', 'a space-separated list of scopes');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw invalidOption('fetch', 'a function');

  const algorithms = options.idTokenSigningAlgorithms ?? ['RS256'];
  if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((alg) => typeof alg !== 'string' || alg === '')) {
    throw invalidOption('idTokenSigningAlgorithms', 'a non-empty list of JWS algorithms');
  }
  if (algorithms.some((alg) => alg.toLowerCase() === 'none')) {
    throw invalidOption('idTokenSigningAlgorithms', 'unsigned tokens (`none`) are never accepted');
  }
  if (algorithms.some((alg) => alg.startsWith('HS')) && !options.appSecret) {
    throw invalidOption('idTokenSigningAlgorithms', 'HS* algorithms are verified with appSecret, which is missing');
  }

  const client: OidcClient = Object.freeze({
    appId: options.appId,
    appHost: core.host,
    issuer,
    protocol,
    redirectUri: options.redirectUri,
    logoutRedirectUri: options.logoutRedirectUri,
    scope: options.scope ?? (protocol === 'oidc' ? 'openid profile' : 'user'),
    tokenEndPointAuthMethod: authMethod('tokenEndPointAuthMethod', options.tokenEndPointAuthMethod),
    introspectionEndPointAuthMethod: authMethod('introspectionEndPointAuthMethod', options.introspectionEndPointAuthMethod),
    revocationEndPointAuthMethod: authMethod('revocationEndPointAuthMethod', options.revocationEndPointAuthMethod),
    idTokenSigningAlgorithms: Object.freeze([...algorithms]),
    clockTolerance: nonNegative('clockTolerance', options.clockTolerance, 60),
    jwksCooldown: nonNegative('jwksCooldown', options.jwksCooldown, 60),
    timeout: core.timeout,
    lang: options.lang,
  });
  internals.set(client, {
    appSecret: options.appSecret,
    fetch: options.fetch,
    insecure: new URL(issuer).protocol === 'http:',
    discovery: undefined,
    jwks: { keys: undefined, fetchedAt: -Infinity, refetchedAt: -Infinity, inflight: undefined, imported: new Map() },
  });
  return client;
}
