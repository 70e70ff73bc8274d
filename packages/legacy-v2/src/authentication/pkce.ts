// v2's PKCE helpers, for apps that build their own authorization URL. `buildAuthorizeUrl` does
// PKCE itself and needs neither.

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A code verifier: 32 bytes from WebCrypto's CSPRNG, base64url, 43 characters (v2 used Math.random). */
export function codeVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)), RFC 7636 §4.2. */
export async function s256Challenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
