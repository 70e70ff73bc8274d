import { header, type RequestContext } from '../context.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import { oidcOf } from '../oidc/registry.ts';
import type { UserRecord } from '../state.ts';
import { signJwt, verifyJwt } from '../tokens.ts';
import { optString } from '../validate.ts';
import { sameSecret } from './management.ts';

/** Authing's default access-token lifetime for an app (seconds). */
export const accessTokenLifetime = 1_209_600;

/** Authentication endpoints name their app with `x-authing-app-id`. */
export function requireApp(context: RequestContext): void {
  const appId = header(context, 'x-authing-app-id');
  if (!appId) throw new EmulatorError(400, 'appIdMissing', { httpStatus: 400 });
  const app = context.services.store.app(appId);
  if (!app) throw new EmulatorError(404, 'appNotFound', { apiCode: ApiCode.appNotFound });
  context.app = app;
}

/**
 * Client authentication on sign-in, as Authing checks it: `client_secret_post`
 * puts `client_id`/`client_secret` in the body, `client_secret_basic` sends
 * `Basic base64(id:secret)`. Either is accepted; a public app (`none`) needs
 * neither, but credentials that are sent must still be right.
 */
export function authenticateClient(context: RequestContext): void {
  const app = context.app!;
  let id = optString(context.body, 'client_id');
  let secret = optString(context.body, 'client_secret');
  const authorization = header(context, 'authorization') ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(authorization);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new EmulatorError(401, 'clientAuthFailed');
    // RFC 6749 §2.3.1: both halves are form-urlencoded.
    try {
      id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      throw new EmulatorError(401, 'clientAuthFailed');
    }
  }
  if (id === undefined && secret === undefined && app.tokenEndPointAuthMethod === 'none') return;
  if (id !== app.appId || secret === undefined || !sameSecret(secret, app.appSecret)) {
    throw new EmulatorError(401, 'clientAuthFailed');
  }
}

/**
 * The signed-in user of a request, from its access token: one of the v3 sign-in (HS256) or
 * one the OIDC provider issued (opaque, looked up in the provider; gone once revoked).
 */
export async function requireUser(context: RequestContext): Promise<void> {
  const token = (header(context, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
  const notLoggedIn = new EmulatorError(401, 'notLoggedIn', { apiCode: ApiCode.notLoggedIn });
  if (token === '') throw notLoggedIn;
  const { state } = context.services.store;
  const claims = verifyJwt(state.jwtSecret, token) ?? (await oidcOf(context.services)?.accessTokenClaims(token));
  if (!claims || claims.typ !== 'access' || state.revokedTokens[claims.jti] !== undefined) throw notLoggedIn;
  const user = context.services.store.findUser('user_id', claims.sub);
  if (!user) throw notLoggedIn;
  context.user = user;
  context.token = claims;
}

/** The token set of a successful sign-in: an access token the emulator accepts, and an ID token. */
export function issueLoginTokens(context: RequestContext, user: UserRecord): { access_token: string; id_token: string; token_type: 'Bearer'; expire_in: number } {
  const { state } = context.services.store;
  const common = { sub: user.userId, aud: context.app!.appId, iss: `${context.services.url()}/oidc`, scoped_userpool_id: state.pool.userPoolId };
  const access = signJwt(state.jwtSecret, { ...common, typ: 'access', scope: 'openid profile' }, accessTokenLifetime);
  const id = signJwt(
    state.jwtSecret,
    {
      ...common,
      typ: 'id',
      ...(user.email ? { email: user.email, email_verified: user.emailVerified } : {}),
      ...(user.phone ? { phone_number: user.phone, phone_number_verified: user.phoneVerified } : {}),
      ...(user.username ? { preferred_username: user.username } : {}),
      ...(user.profile.name ? { name: user.profile.name } : {}),
      ...(user.profile.nickname ? { nickname: user.profile.nickname } : {}),
    },
    accessTokenLifetime,
  );
  return { access_token: access.token, id_token: id.token, token_type: 'Bearer', expire_in: accessTokenLifetime };
}
