import type { JWTPayload } from 'jose';
import { TokenValidationError } from '../errors.ts';

// Fatal: a payload that is not valid UTF-8 is refused, not repaired. Created on first use: a
// module-level `new` would stay in every bundle of this module, used or not.
let decoder: TextDecoder | undefined;

function invalid(claim: string, why: string): TokenValidationError {
  return new TokenValidationError(claim, `the \`${claim}\` claim ${why}`);
}

/**
 * The registered claims of a JWS payload whose signature jose has verified (RFC 7519 §4.1),
 * with the rules of jose's `jwtVerify`, so that the bundle needs jose's JWS verification only:
 * a JSON object; the `required` claims and `iss` and `aud` present; `iss` identical to
 * `issuer`; `aud` equal to, or an array containing, `audience`; `iat`, `nbf` and `exp` numbers
 * when present; `nbf` not after now + tolerance; `exp` after now − tolerance. And, beyond jose,
 * `iat` not after now + tolerance: a token issued in the future is forged or the clocks are off.
 */
export function checkClaims(payload: Uint8Array, issuer: string, audience: string, required: string[], tolerance: number): JWTPayload {
  let claims: Record<string, unknown> | undefined;
  try {
    claims = JSON.parse((decoder ??= new TextDecoder('utf-8', { fatal: true })).decode(payload));
  } catch {
    // reported below
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TokenValidationError('format', 'the token is not a well-formed JWT');
  }
  for (const claim of ['iss', 'aud', ...required]) if (!Object.hasOwn(claims, claim)) throw invalid(claim, 'is missing');
  if (claims.iss !== issuer) throw invalid('iss', 'is not the issuer');
  const { aud } = claims;
  if (aud !== audience && !(Array.isArray(aud) && aud.includes(audience))) throw invalid('aud', 'does not include this audience');
  const now = Math.floor(Date.now() / 1000);
  for (const claim of ['iat', 'nbf', 'exp']) {
    if (claims[claim] !== undefined && typeof claims[claim] !== 'number') throw invalid(claim, 'is not a number');
  }
  const { iat, nbf, exp } = claims as { iat?: number; nbf?: number; exp?: number };
  if (nbf !== undefined && nbf > now + tolerance) throw invalid('nbf', 'is in the future (not yet valid)');
  if (exp !== undefined && exp <= now - tolerance) throw new TokenValidationError('exp', 'the token has expired');
  if (iat !== undefined && iat > now + tolerance) throw new TokenValidationError('iat', 'the token is issued in the future');
  return claims;
}
