import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { isAuthingError } from '@authing/core';
import { TokenValidationError } from '../errors.ts';
import { metadata } from './discovery.ts';
import { halfHash, safeEqual } from './hash.ts';
import { resolveKey } from './jwks.ts';
import type { AccessTokenClaims, IdTokenClaims, OidcClient, RequestOptions } from './types.ts';
import { requireString } from './validate.ts';

/** What an ID token must additionally match. */
export interface VerifyIdTokenOptions extends RequestOptions {
  /** The nonce sent in the authorization request; when given, the token must carry it. */
  nonce?: string;
  /** Seconds: `auth_time` must be at most this old (requires `auth_time`). */
  maxAge?: number;
  /** The access token issued with the ID token; checks `at_hash` when the token has one. */
  accessToken?: string;
  /** The authorization code; checks `c_hash` when the token has one. */
  code?: string;
}

/** What a JWT access token must additionally match. */
export interface VerifyAccessTokenOptions extends RequestOptions {
  /** Expected `aud`; default the appId. */
  audience?: string;
}

function header(token: string): ProtectedHeaderParameters {
  try {
    return decodeProtectedHeader(token);
  } catch (error) {
    throw new TokenValidationError('format', 'not a compact JWS', { cause: error });
  }
}

/** jose's errors name the claim; ours must too. */
function translate(error: unknown): Error {
  if (isAuthingError(error)) return error;
  if (error instanceof errors.JWTExpired) return new TokenValidationError('exp', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new TokenValidationError(error.claim, `the \`${error.claim}\` claim is invalid (${error.reason})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenValidationError('signature', 'the signature does not verify');
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenValidationError('alg', 'the token is signed with an algorithm that is not allowed');
  if (error instanceof errors.JOSENotSupported) return new TokenValidationError('header', 'the token uses an unsupported algorithm or critical header');
  if (error instanceof errors.JOSEError) return new TokenValidationError('format', 'the token is not a well-formed JWT');
  return error instanceof Error ? error : new TokenValidationError('format', String(error));
}

/** Signature, alg allow-list, iss, aud, exp/nbf/iat: the checks shared by ID and access tokens. */
async function verifyJwt(
  client: OidcClient,
  token: string,
  audience: string,
  requiredClaims: string[],
  options: RequestOptions | undefined,
): Promise<{ payload: JWTPayload; alg: string; typ: string | undefined }> {
  const { alg, typ } = header(token);
  // Checked before any key lookup, so `none` and HS256-with-a-public-key die here without a fetch.
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none' || !client.idTokenSigningAlgorithms.includes(alg)) {
    throw new TokenValidationError('alg', `alg ${JSON.stringify(alg)} is not in idTokenSigningAlgorithms`);
  }
  const server = await metadata(client, options);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (protectedHeader) => resolveKey(client, protectedHeader, options), {
      algorithms: [...client.idTokenSigningAlgorithms],
      issuer: server.issuer,
      audience,
      clockTolerance: client.clockTolerance,
      requiredClaims,
    }));
  } catch (error) {
    throw translate(error);
  }
  // jose checks iat only against a maxTokenAge; a token issued in the future is forged or the clocks are off.
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat === 'number' && payload.iat > now + client.clockTolerance) {
    throw new TokenValidationError('iat', 'the token is issued in the future');
  }
  // OIDC Core §3.1.3.7: several audiences need an azp, and any azp must be us.
  const several = Array.isArray(payload.aud) && payload.aud.length > 1;
  if ((several || payload.azp !== undefined) && payload.azp !== client.appId) {
    throw new TokenValidationError('azp', 'the `azp` claim is not this application');
  }
  return { payload, alg, typ };
}

/**
 * Validates an ID token: signature with the issuer's JWKS (or appSecret for an allow-listed
 * HS256), alg allow-list, iss, aud, azp, exp/nbf/iat with `clockTolerance`, nonce, auth_time,
 * at_hash/c_hash, and refuses access tokens (`typ: at+jwt`). Throws `TokenValidationError`
 * whose `check` names the failed rule.
 */
export async function verifyIdToken(client: OidcClient, idToken: string, options: VerifyIdTokenOptions = {}): Promise<IdTokenClaims> {
  requireString('verifyIdToken', 'idToken', idToken);
  const typ = header(idToken).typ;
  if (typ !== undefined && /^(application\/)?at\+jwt$/i.test(typ)) {
    throw new TokenValidationError('typ', 'an access token (typ at+jwt) is not an ID token');
  }
  const { payload, alg } = await verifyJwt(client, idToken, client.appId, ['iss', 'sub', 'aud', 'exp', 'iat'], options);
  if (typeof payload.sub !== 'string') throw new TokenValidationError('sub', 'the `sub` claim must be a string');
  if (options.nonce !== undefined && (typeof payload.nonce !== 'string' || !safeEqual(payload.nonce, options.nonce))) {
    throw new TokenValidationError('nonce', payload.nonce === undefined ? 'the ID token has no nonce' : 'the nonce does not match');
  }
  if (options.maxAge !== undefined) {
    const authTime = payload.auth_time;
    if (typeof authTime !== 'number') throw new TokenValidationError('auth_time', 'the ID token has no auth_time');
    if (authTime + options.maxAge < Math.floor(Date.now() / 1000) - client.clockTolerance) {
      throw new TokenValidationError('auth_time', 'the authentication is older than maxAge');
    }
  }
  for (const [claim, value] of [['at_hash', options.accessToken], ['c_hash', options.code]] as const) {
    const claimed = payload[claim];
    if (claimed === undefined || value === undefined) continue;
    const expected = await halfHash(alg, value);
    if (typeof claimed !== 'string' || expected === undefined || !safeEqual(claimed, expected)) {
      throw new TokenValidationError(claim, `the \`${claim}\` claim does not match`);
    }
  }
  return payload as IdTokenClaims;
}

/** Alias of {@link verifyIdToken}, after Authing's `parseIDToken` (which, unlike this, checked only the signature). */
export const parseIdToken: typeof verifyIdToken = verifyIdToken;

/**
 * Verifies a JWT access token offline with the same rules as ID tokens (no nonce, any `typ`):
 * signature, alg allow-list, iss, aud (default the appId), azp, exp/nbf/iat.
 */
export async function verifyAccessToken(
  client: OidcClient,
  accessToken: string,
  options: VerifyAccessTokenOptions = {},
): Promise<AccessTokenClaims> {
  requireString('verifyAccessToken', 'accessToken', accessToken);
  const { payload } = await verifyJwt(client, accessToken, options.audience ?? client.appId, ['iss', 'exp'], options);
  return payload as AccessTokenClaims;
}
