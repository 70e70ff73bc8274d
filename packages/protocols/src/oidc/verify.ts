import { isAuthingError } from '@authing/core';
import { compactVerify, type JWTPayload } from 'jose';
import { TokenValidationError } from '../errors.ts';
import { checkClaims } from './claims.ts';
import { halfHash, safeEqual } from './hash.ts';
import { resolveKey } from './jwks.ts';
import type { AccessTokenClaims, IdTokenClaims, OidcClient, RequestOptions } from './types.ts';
import { checkRequestOptions, requireString } from './validate.ts';

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

/**
 * jose's errors, as ours. Matched by jose's documented `code`s rather than `instanceof`, so that
 * a bundle does not keep every jose error class (`import { errors }` does). A failure that is not
 * jose's, once a JWKS key was handed over, is that key failing to import or to fit the algorithm
 * (bad key material, an RSA key under 2048 bits, another curve).
 */
function translate(error: unknown, jwksKey: boolean): Error {
  if (isAuthingError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return new TokenValidationError('signature', 'the signature does not verify');
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return new TokenValidationError('alg', 'the token is signed with an algorithm that is not allowed');
  if (code === 'ERR_JOSE_NOT_SUPPORTED') return new TokenValidationError('header', 'the token uses an unsupported algorithm or critical header');
  // Every jose error code starts with ERR_JOSE_, ERR_JWS_, ERR_JWT_, ERR_JWK_, ERR_JWKS_ or ERR_JWE_.
  if (typeof code === 'string' && code.startsWith('ERR_J')) return new TokenValidationError('format', 'the token is not a well-formed JWT');
  if (jwksKey) return new TokenValidationError('kid', 'the JWKS key cannot be imported for this algorithm', { cause: error });
  return error instanceof Error ? error : new TokenValidationError('format', String(error));
}

const accessTokenTyp = /^(application\/)?at\+jwt$/i;

/**
 * Signature, alg allow-list, iss, aud, exp/nbf/iat, azp: the checks shared by ID and access
 * tokens. jose verifies the JWS: it parses the header once, checks `crit` and the alg
 * allow-list before it asks for a key (so `none` and HS256-with-a-public-key die there, without
 * a fetch), then the signature. Our header checks run in the key resolver, on jose's parsed
 * header; the claims are checked by checkClaims once the signature holds.
 */
async function verifyJwt(
  client: OidcClient,
  token: string,
  audience: string,
  requiredClaims: string[],
  options: RequestOptions | undefined,
  idToken: boolean,
): Promise<{ payload: JWTPayload; alg: string }> {
  checkRequestOptions(options);
  let alg = '';
  let jwksKey = false;
  let verified: Uint8Array;
  try {
    ({ payload: verified } = await compactVerify(
      token,
      async (header) => {
        // RFC 7797 unencoded payloads are not JWTs (jose's jwtVerify refuses them too).
        if (header.b64 === false && header.crit?.includes('b64')) throw new TokenValidationError('format', 'the token is not a well-formed JWT');
        if (idToken && header.typ !== undefined && accessTokenTyp.test(header.typ)) {
          throw new TokenValidationError('typ', 'an access token (typ at+jwt) is not an ID token');
        }
        alg = header.alg as string; // jose has checked it is an allow-listed string
        const key = await resolveKey(client, header, options);
        jwksKey = !(key instanceof Uint8Array);
        return key;
      },
      { algorithms: [...client.idTokenSigningAlgorithms] },
    ));
  } catch (error) {
    throw translate(error, jwksKey);
  }
  // Discovery accepts only a document whose issuer is identical to the configured one.
  const payload = checkClaims(verified, client.issuer, audience, requiredClaims, client.clockTolerance);
  // OIDC Core §3.1.3.7: several audiences need an azp, and any azp must be us.
  const several = Array.isArray(payload.aud) && payload.aud.length > 1;
  if ((several || payload.azp !== undefined) && payload.azp !== client.appId) {
    throw new TokenValidationError('azp', 'the `azp` claim is not this application');
  }
  return { payload, alg };
}

/**
 * Validates an ID token: signature with the issuer's JWKS (or appSecret for an allow-listed
 * HS256), alg allow-list, iss, aud, azp, exp/nbf/iat with `clockTolerance`, nonce, auth_time,
 * at_hash/c_hash, and refuses access tokens (`typ: at+jwt`). Throws `TokenValidationError`
 * whose `check` names the failed rule.
 */
export async function verifyIdToken(client: OidcClient, idToken: string, options: VerifyIdTokenOptions = {}): Promise<IdTokenClaims> {
  requireString('verifyIdToken', 'idToken', idToken);
  const { payload, alg } = await verifyJwt(client, idToken, client.appId, ['sub', 'exp', 'iat'], options, true);
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
  const { payload } = await verifyJwt(client, accessToken, options.audience ?? client.appId, ['iss', 'exp'], options, false);
  return payload as AccessTokenClaims;
}
