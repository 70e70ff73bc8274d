/**
 * The claims of a JWT, read without checking its signature. Only for what is harmless to read
 * that way: the `sub` v2's `checkLoggedIn` returned and the `exp`/`iat` shown next to a token the
 * server has just vouched for (or refused). Anything that decides who the user is goes through
 * the server or `verifyAccessToken`.
 */
export function unverifiedClaims(token: string | undefined): Record<string, unknown> | undefined {
  const part = token?.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    // Opaque tokens (the OIDC provider's) are not JWTs: nothing to read.
    return undefined;
  }
}

/** A numeric claim (`exp`, `iat`), or undefined. */
export function numericClaim(claims: Record<string, unknown> | undefined, name: string): number | undefined {
  const value = claims?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
