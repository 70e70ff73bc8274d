import { authenticateClient } from '../auth/app.ts';
import type { RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import type { OAuthAnswer, Route } from '../route.ts';
import { verifyJwt } from '../tokens.ts';

/**
 * RFC 7009 token revocation, which is how Authing apps log a user out of the
 * v3 API (there is no v3 sign-out endpoint). An interim, hand-written piece:
 * the planned OIDC provider will own every `/oidc/*` path.
 */
async function revoke(context: RequestContext): Promise<OAuthAnswer> {
  const token = context.body.token;
  if (typeof token !== 'string' || token === '') return { status: 400, body: { error: 'invalid_request', error_description: 'token is required' } };
  const clientId = typeof context.body.client_id === 'string' ? context.body.client_id : undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(String(context.headers.authorization ?? ''));
  const appId = clientId ?? (basic ? decodeURIComponent(Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0] ?? '') : undefined);
  const app = appId ? context.services.store.app(appId) : undefined;
  if (!app) return { status: 401, body: { error: 'invalid_client' } };
  context.app = app;
  try {
    authenticateClient(context);
  } catch (error) {
    if (error instanceof EmulatorError) return { status: 401, body: { error: 'invalid_client' } };
    throw error;
  }
  const { state } = context.services.store;
  const claims = verifyJwt(state.jwtSecret, token);
  // An unknown or expired token is "revoked" too: RFC 7009 §2.2 answers 200 either way.
  if (claims && claims.aud === app.appId && state.revokedTokens[claims.jti] === undefined) {
    await context.services.store.write((current) => {
      const now = Date.now() / 1000;
      for (const [jti, exp] of Object.entries(current.revokedTokens)) if (exp < now) delete current.revokedTokens[jti];
      current.revokedTokens[claims.jti] = claims.exp;
    });
  }
  return { status: 200 };
}

export const revocationRoutes: Route[] = [
  { operation: 'revokeToken (OIDC)', method: 'POST', path: '/oidc/token/revocation', guard: 'none', style: 'oauth', handle: revoke },
  { operation: 'revokeToken (OAuth)', method: 'POST', path: '/oauth/token/revocation', guard: 'none', style: 'oauth', handle: revoke },
];
