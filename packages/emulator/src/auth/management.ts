import { timingSafeEqual } from 'node:crypto';
import { header, type RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import { signJwt, verifyJwt } from '../tokens.ts';
import { reqString } from '../validate.ts';
import { verifySignature } from './signature.ts';

/** Authing's documented management-token lifetime. */
const managementTokenLifetime = 7200;

/** Constant-time string comparison, so a wrong secret leaks nothing through timing. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The secret of a management key pair: the pool's own, or a cooperator key. */
export function secretOf(context: RequestContext, accessKeyId: string): string | undefined {
  const { state } = context.services.store;
  if (accessKeyId === state.pool.userPoolId) return state.pool.secret;
  return state.accessKeys.find((key) => key.accessKeyId === accessKeyId)?.accessKeySecret;
}

/** `POST /api/v3/get-management-token`: the key pair for a 2-hour token. */
export function getManagementToken(context: RequestContext): { access_token: string; expires_in: number } {
  const accessKeyId = reqString(context.body, 'accessKeyId');
  const accessKeySecret = reqString(context.body, 'accessKeySecret');
  const secret = secretOf(context, accessKeyId);
  if (secret === undefined || !sameSecret(secret, accessKeySecret)) {
    throw new EmulatorError(401, 'badKeyPair', { apiCode: 1300 });
  }
  const { state } = context.services.store;
  const { token } = signJwt(
    state.jwtSecret,
    { typ: 'management', sub: accessKeyId, scoped_userpool_id: state.pool.userPoolId, iss: context.services.url() },
    managementTokenLifetime,
  );
  return { access_token: token, expires_in: managementTokenLifetime };
}

function unauthorized(key: 'unauthorized' | 'wrongPool' = 'unauthorized'): EmulatorError {
  return new EmulatorError(401, key, { httpStatus: 401 });
}

/**
 * Management endpoints accept either mode the SDK speaks: `Bearer <token>` with
 * `x-authing-userpool-id` naming the token's pool, or an AK/SK signature
 * (`authing <AK>:<signature>`), checked as Authing documents (1300–1306).
 */
export function requireManagement(context: RequestContext): void {
  const authorization = header(context, 'authorization') ?? '';
  if (/^authing /i.test(authorization)) {
    verifySignature(context, authorization);
    return;
  }
  // authing-java-sdk sends the raw token without "Bearer"; Authing accepts both.
  const token = authorization.replace(/^Bearer\s+/i, '');
  if (token === '') throw unauthorized();
  const { state } = context.services.store;
  const claims = verifyJwt(state.jwtSecret, token);
  if (!claims || claims.typ !== 'management' || state.revokedTokens[claims.jti] !== undefined) throw unauthorized();
  if (header(context, 'x-authing-userpool-id') !== claims.scoped_userpool_id) throw unauthorized('wrongPool');
}
