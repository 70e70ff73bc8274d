import { ValidationError } from '@authing/core';

/** Where `/logout` lives and which query parameter carries the return URL. */
export interface CasLogoutEndpoint {
  /** Absolute URL of the logout endpoint. Default `{serverUrl}/logout` (CAS 3.0 §2.3). */
  url?: string;
  /** `service` (CAS 3.0, the default) or `url` (CAS 2.0, and Authing's `/cas-idp/logout`). */
  param?: 'service' | 'url';
}

/** Options of {@link createCasClient}. */
export interface CasClientOptions {
  /** Base URL of the CAS server, such as `https://sso.example.edu/cas`; for Authing see {@link authingCasServerUrl}. */
  serverUrl: string;
  /** Milliseconds per request before `TimeoutError`, including reading the body. Default 10 000. */
  timeout?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Logout endpoint, when it is not `{serverUrl}/logout?service=`; for Authing see {@link authingCasLogout}. */
  logout?: CasLogoutEndpoint;
}

/** A configured CAS server; pass it to every function of this module. */
export interface CasClient {
  /** Base URL without trailing slash. */
  readonly serverUrl: string;
  readonly timeout: number;
  readonly fetch: typeof fetch | undefined;
  readonly logoutUrl: string;
  readonly logoutParam: 'service' | 'url';
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses an absolute http(s) URL. Plain http is refused except on loopback,
 * because tickets and PGTs travel in the query string and are bearer credentials.
 */
export function secureHttpUrl(value: unknown, field: string): URL {
  if (typeof value !== 'string' || value === '') throw new ValidationError(`CAS: \`${field}\` is required`, field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(`CAS: \`${field}\` must be an absolute URL, got ${JSON.stringify(value)}`, field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError(`CAS: \`${field}\` must be an http(s) URL, got ${JSON.stringify(value)}`, field);
  }
  if (url.protocol === 'http:' && !loopback.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
    throw new ValidationError(`CAS: \`${field}\` must use https (plain http is allowed only for localhost)`, field);
  }
  return url;
}

/** Creates a handle on one CAS server. Throws `ValidationError` for a bad URL or timeout. */
export function createCasClient(options: CasClientOptions): CasClient {
  const base = secureHttpUrl(options?.serverUrl, 'serverUrl');
  if (base.search || base.hash || base.username || base.password) {
    throw new ValidationError('CAS: `serverUrl` must not carry a query, fragment or credentials', 'serverUrl');
  }
  const serverUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  if (options.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0)) {
    throw new ValidationError('invalid option `timeout`: a positive number of milliseconds', 'timeout');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ValidationError('invalid option `fetch`: a fetch function', 'fetch');
  }
  const logoutParam = options.logout?.param ?? 'service';
  if (logoutParam !== 'service' && logoutParam !== 'url') {
    throw new ValidationError('invalid option `logout.param`: `service` or `url`', 'logout.param');
  }
  const logoutUrl = options.logout?.url === undefined ? `${serverUrl}/logout` : secureHttpUrl(options.logout.url, 'logout.url').href;
  return { serverUrl, timeout: options.timeout ?? 10_000, fetch: options.fetch, logoutUrl, logoutParam };
}

function authingHost(appHost: string): string {
  const host = secureHttpUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(appHost ?? '') ? appHost : `https://${appHost}`, 'appHost');
  return `${host.origin}${host.pathname.replace(/\/+$/, '')}`;
}

/**
 * Authing's CAS server for one application: `{appHost}/cas-idp/{appId}`.
 * `appHost` is the application domain, such as `https://example.authing.cn`.
 */
export function authingCasServerUrl(appHost: string, appId: string): string {
  if (typeof appId !== 'string' || appId === '') throw new ValidationError('CAS: `appId` is required', 'appId');
  return `${authingHost(appHost)}/cas-idp/${encodeURIComponent(appId)}`;
}

/**
 * Authing's logout endpoint, which is not under the application path and takes
 * `url` rather than CAS 3.0's `service`: `{appHost}/cas-idp/logout?url=`.
 */
export function authingCasLogout(appHost: string): Required<CasLogoutEndpoint> {
  return { url: `${authingHost(appHost)}/cas-idp/logout`, param: 'url' };
}
