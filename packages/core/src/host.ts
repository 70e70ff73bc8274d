import { ValidationError } from './errors.ts';
import { format, type Messages } from './i18n/messages.ts';

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Normalises a public-cloud or private-deployment host: adds `https://` when
 * no scheme is given, drops trailing slashes, keeps a base path, and refuses
 * plain http except on loopback.
 */
export function normalizeHost(host: string, messages: Messages): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError(format(messages, 'host', { host: JSON.stringify(host) }), 'host');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new ValidationError(format(messages, 'host', { host: JSON.stringify(host) }), 'host');
  }
  if (url.protocol === 'http:' && !loopback.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
    throw new ValidationError(format(messages, 'insecureHost', { host: JSON.stringify(host) }), 'host');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
