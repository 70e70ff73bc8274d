import { metadata } from './discovery.ts';
import type { OidcClient, RequestOptions } from './types.ts';
import { invalidOption, requireRedirectUri } from './validate.ts';

/** Parameters of {@link buildLogoutUrl}. */
export interface LogoutParams {
  /** The ID token of the session, sent as `id_token_hint`. */
  idToken?: string;
  /** Where to land afterwards (`post_logout_redirect_uri`); default the client's `logoutRedirectUri`. Must be registered. */
  redirectUri?: string;
  /** Echoed back to the redirect URI. */
  state?: string;
}

/**
 * The RP-initiated logout URL. OIDC: the `end_session_endpoint` from discovery (Authing:
 * `{appHost}/oidc/session/end`) with `id_token_hint`, `post_logout_redirect_uri`, `state`
 * and `client_id`. OAuth: Authing's `{appHost}/login/profile/logout?redirect_uri=`.
 */
export async function buildLogoutUrl(client: OidcClient, params: LogoutParams = {}, options?: RequestOptions): Promise<string> {
  const redirectUri = params.redirectUri ?? client.logoutRedirectUri;
  if (redirectUri !== undefined) requireRedirectUri('redirectUri', redirectUri);
  for (const field of ['idToken', 'state'] as const) {
    const value = params[field];
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw invalidOption(field, 'a non-empty string');
  }
  if (client.protocol === 'oauth') {
    const url = new URL(`${client.appHost}/login/profile/logout`);
    if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
    return url.href;
  }
  const server = await metadata(client, options);
  const url = new URL(typeof server.end_session_endpoint === 'string' ? server.end_session_endpoint : `${client.issuer}/session/end`);
  if (params.idToken) url.searchParams.set('id_token_hint', params.idToken);
  // client_id lets the server check post_logout_redirect_uri even without id_token_hint.
  url.searchParams.set('client_id', client.appId);
  if (redirectUri) url.searchParams.set('post_logout_redirect_uri', redirectUri);
  if (params.state) url.searchParams.set('state', params.state);
  return url.href;
}
