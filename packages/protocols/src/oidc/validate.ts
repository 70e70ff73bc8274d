import { ValidationError } from '@authing/core';

// Bad input is reported before anything is sent, with a field path and core's en-US sentences.
// They are written out in this module (and host.ts, http.ts) rather than formatted from core's
// catalog, which a browser bundle would carry whole for a few lines; test/oidc-flows.test.ts
// checks that they still read as core's.

export function invalidOption(field: string, reason: string): ValidationError {
  return new ValidationError(`invalid option \`${field}\`: ${reason}`, field);
}

export function requireString(operation: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(`${operation}: \`${field}\` is required`, field);
  return value;
}

/** Undefined, or a string with more than white space. */
export function optionalString(field: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) throw invalidOption(field, 'a non-empty string');
  return value;
}

/** Undefined (then `fallback`), or one of `allowed`. */
export function oneOf<T extends string>(field: string, value: T | undefined, allowed: readonly string[], fallback?: T): T {
  if (value !== undefined && !allowed.includes(value)) throw invalidOption(field, `one of ${allowed.join(', ')}`);
  return (value ?? fallback) as T;
}

/** The URL when `value` is an absolute http(s) URL without fragment (what OAuth requires of redirect URIs). */
export function httpUrl(value: unknown): URL | undefined {
  try {
    const url = new URL(value as string);
    if (typeof value === 'string' && /^https?:$/.test(url.protocol) && !url.hash) return url;
  } catch {
    // not a URL
  }
  return undefined;
}

export function requireRedirectUri(field: string, value: unknown): string {
  if (!httpUrl(value)) throw invalidOption(field, 'an absolute http(s) URL without fragment');
  return value as string;
}

// RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

export function requireCodeVerifier(field: string, value: unknown): string {
  if (typeof value !== 'string' || !verifierPattern.test(value)) {
    throw invalidOption(field, 'a PKCE code verifier: 43 to 128 unreserved characters');
  }
  return value;
}

export function checkRequestOptions(options: { timeout?: number; signal?: AbortSignal } | undefined): void {
  if (options?.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0)) {
    throw invalidOption('timeout', 'a positive number of milliseconds');
  }
}
