import { ValidationError } from '@authing/core';
import { httpUrl } from './validate.ts';

/** Host names that are this machine, where plain http cannot be intercepted on the network. */
export const loopback: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * `appHost` under the rules of core's `normalizeHost` (what `createClient` does to `host`), which
 * core does not export: reusing `createClient` for this alone put core's client setup, header
 * table and retry options in every browser bundle of this module (~1.7 KB gzip).
 * Adds `https://` when there is no scheme, drops trailing slashes, keeps a base path; refuses
 * other schemes, a query, a fragment, a user name, and plain http except on loopback.
 * test/oidc-flows.test.ts compares it with `createClient` on the same inputs.
 */
export function normalizeHost(host: string): string {
  // core's `host` and `insecureHost` messages, field `host`.
  const invalid = (why: string) => new ValidationError(`invalid host ${JSON.stringify(host)}: ${why}`, 'host');
  const url = httpUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`);
  // Core would turn a missing host into https://undefined; here it is an error.
  if (typeof host !== 'string' || !url || url.search || url.username) throw invalid('expected an absolute URL such as https://api.authing.cn');
  if (url.protocol === 'http:' && !loopback.includes(url.hostname) && !url.hostname.endsWith('.localhost')) {
    throw invalid('use https (plain http is allowed only for localhost)');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
