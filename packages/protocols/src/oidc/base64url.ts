/**
 * base64url without padding (RFC 4648 §5), for the PKCE challenge, random values and
 * at_hash/c_hash; a few bytes instead of a library's codec in every browser bundle.
 */
export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url of the SHA-2 digest of a string's UTF-8 bytes, or of its left half. */
export async function digest(hash: 'SHA-256' | 'SHA-384' | 'SHA-512', value: string, half?: boolean): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(value)));
  return base64url(half ? bytes.slice(0, bytes.length / 2) : bytes);
}
