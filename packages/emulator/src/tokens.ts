import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The JWTs the emulator issues (management tokens, user access and ID tokens):
 * HS256 with the state's secret. They are opaque to clients; the SDK only
 * reads the `scoped_userpool_id` claim of a management token, unverified.
 */
export interface Claims {
  /** Issued-token kind, so a user token cannot call management endpoints and vice versa. */
  typ: 'management' | 'access' | 'id';
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  scoped_userpool_id: string;
  aud?: string;
  iss?: string;
  [claim: string]: unknown;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(secret: string, claims: Omit<Claims, 'iat' | 'exp' | 'jti'>, lifetimeSeconds: number): { token: string; claims: Claims } {
  const iat = Math.floor(Date.now() / 1000);
  const full = { ...claims, iat, exp: iat + lifetimeSeconds, jti: randomBytes(12).toString('hex') } as Claims;
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(full))}`;
  const signature = createHmac('sha256', secret).update(head).digest('base64url');
  return { token: `${head}.${signature}`, claims: full };
}

/** The claims of a token this emulator signed and that has not expired, or undefined. */
export function verifyJwt(secret: string, token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return undefined;
  return claims;
}
