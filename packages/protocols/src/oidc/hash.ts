import { base64url } from 'jose';

/** The hash OIDC Core §3.1.3.6 pairs with a JWS algorithm for `at_hash` and `c_hash`. */
function hashOf(alg: string): 'SHA-256' | 'SHA-384' | 'SHA-512' | undefined {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'SHA-512';
  const bits = alg.slice(2);
  if (bits === '256') return 'SHA-256';
  if (bits === '384') return 'SHA-384';
  if (bits === '512') return 'SHA-512';
  return undefined;
}

/** base64url of the left half of the hash of the ASCII value: `at_hash` / `c_hash`. */
export async function halfHash(alg: string, value: string): Promise<string | undefined> {
  const hash = hashOf(alg);
  if (!hash) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(value)));
  return base64url.encode(digest.slice(0, digest.length / 2));
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let diff = left.length ^ right.length;
  for (let i = 0; i < left.length; i++) diff |= (left[i] as number) ^ (right[i % right.length] ?? 0);
  return diff === 0;
}
