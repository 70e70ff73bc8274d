import { digest } from './base64url.ts';

/**
 * `at_hash` / `c_hash` (OIDC Core §3.1.3.6): base64url of the left half of the value's hash, with
 * the SHA-2 of the JWS algorithm's size (SHA-512 for EdDSA). Undefined for another algorithm.
 */
export async function halfHash(alg: string, value: string): Promise<string | undefined> {
  const bits = alg === 'EdDSA' || alg === 'Ed25519' ? '512' : alg.slice(2);
  return ['256', '384', '512'].includes(bits) ? digest(`SHA-${bits}` as 'SHA-256', value, true) : undefined;
}

/**
 * Compares two strings in time independent of where they differ (UTF-16 code units: equal
 * exactly when the strings are). No encoding step, so no allocation on the hot path.
 */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.length === 0 ? 0 : b.charCodeAt(i % b.length));
  return diff === 0;
}
