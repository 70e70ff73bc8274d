import { ValidationError } from '@authing/core';
import { secureHttpUrl } from './client.ts';

/** A required, non-empty string; checked before anything is sent. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`CAS: \`${field}\` is required`, field);
  return value;
}

/**
 * A service identifier must be an absolute URL (`scheme://…`): CAS servers
 * match it against registered patterns and redirect to it, so a relative or
 * scheme-less value is a bug that would otherwise surface as INVALID_SERVICE.
 * Custom schemes (mobile apps) are allowed.
 */
export function requireServiceUrl(value: unknown, field: string): string {
  const service = requireString(value, field);
  let valid = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(service);
  try {
    new URL(service);
  } catch {
    valid = false;
  }
  if (!valid) throw new ValidationError(`CAS: \`${field}\` must be an absolute URL, got ${JSON.stringify(service)}`, field);
  return service;
}

/** The proxy callback must be https (CAS 3.0 §2.5.4); plain http only on loopback, for tests. */
export function requirePgtUrl(value: unknown): string {
  const pgtUrl = requireString(value, 'pgtUrl');
  secureHttpUrl(pgtUrl, 'pgtUrl');
  return pgtUrl;
}
