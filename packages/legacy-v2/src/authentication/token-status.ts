import type { AuthenticationClient } from '@authing/authentication';
import { userArn } from '../shapes/arn.ts';
import { numericClaim, unverifiedClaims } from './jwt-payload.ts';
import type { V2JwtTokenStatus } from './shapes.ts';

/** An RFC 7662 introspection answer, as v3's introspectToken resolves it. */
type Introspection = Awaited<ReturnType<AuthenticationClient<true>['introspectToken']>>;

const signedOut = (code: number, message: string): V2JwtTokenStatus => ({ code, message, status: false, exp: null, iat: null, data: null });

/** v2's answer when there is no token to check. */
export function noToken(): V2JwtTokenStatus {
  return signedOut(2020, 'not logged in');
}

/**
 * v2's `JwtTokenStatus` from an RFC 7662 introspection. An inactive token is 2206 (expired) when
 * its own `exp` has passed, else 2207 (invalid or revoked), the two codes v2 used.
 */
export function tokenStatus(token: string, introspection: Introspection, userPoolId: string): V2JwtTokenStatus {
  if (!introspection.active) {
    const exp = numericClaim(unverifiedClaims(token), 'exp');
    return exp !== undefined && exp * 1000 < Date.now() ? signedOut(2206, 'the login has expired: sign in again') : signedOut(2207, 'the token is invalid or revoked: sign in again');
  }
  const id = typeof introspection.sub === 'string' ? introspection.sub : null;
  return {
    code: 200,
    message: 'logged in',
    status: true,
    exp: introspection.exp ?? null,
    iat: introspection.iat ?? null,
    data: { id, userPoolId: userPoolId || null, arn: id && userPoolId ? userArn(userPoolId, id) : null },
  };
}
