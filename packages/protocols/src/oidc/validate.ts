import { ValidationError, enUS, format } from '@authing/core';

// Bad input is reported before anything is sent, with core's messages and a field path.

export function invalidOption(field: string, reason: string): ValidationError {
  return new ValidationError(format(enUS, 'option', { field, reason }), field);
}

export function requireString(operation: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(format(enUS, 'required', { operation, field }), field);
  }
  return value;
}

/** An absolute http(s) URL without fragment, as OAuth requires of redirect URIs. */
export function requireRedirectUri(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalidOption(field, 'an absolute http(s) URL is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidOption(field, 'an absolute http(s) URL is required');
  }
  if (url.hash || !/^https?:$/.test(url.protocol)) throw invalidOption(field, 'an absolute http(s) URL without fragment is required');
  return value;
}

// RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

export function requireCodeVerifier(field: string, value: unknown): string {
  if (typeof value !== 'string' || !verifierPattern.test(value)) {
    throw invalidOption(field, 'a PKCE code verifier of 43 to 128 unreserved characters is required');
  }
  return value;
}

export function checkRequestOptions(options: { timeout?: number; signal?: AbortSignal } | undefined): void {
  if (options?.timeout !== undefined && !(Number.isFinite(options.timeout) && options.timeout > 0)) {
    throw invalidOption('timeout', 'a positive number of milliseconds');
  }
}
