import * as oauth from 'oauth4webapi';
import { clientAuth, oauthClient } from './client-auth.ts';
import { metadata } from './discovery.ts';
import { exchange } from './transport.ts';
import type { IntrospectionResult, OidcClient, RequestOptions, UserInfo } from './types.ts';
import { requireString } from './validate.ts';

/** Options of {@link introspectToken} and {@link revokeToken}. */
export interface TokenHintOptions extends RequestOptions {
  /** `access_token` or `refresh_token`, to spare the server a lookup. */
  tokenTypeHint?: 'access_token' | 'refresh_token';
}

function hint(options: TokenHintOptions | undefined): { additionalParameters?: Record<string, string> } {
  return options?.tokenTypeHint ? { additionalParameters: { token_type_hint: options.tokenTypeHint } } : {};
}

/** RFC 7662 introspection: `{ active: false }` for revoked, expired or unknown tokens. */
export async function introspectToken(client: OidcClient, token: string, options?: TokenHintOptions): Promise<IntrospectionResult> {
  requireString('introspectToken', 'token', token);
  const auth = clientAuth(client, client.introspectionEndPointAuthMethod, 'introspectionEndPointAuthMethod');
  const server = await metadata(client, options);
  return exchange(client, 'introspectToken', options, async (transport) => {
    const response = await oauth.introspectionRequest(server, oauthClient(client), auth, token, { ...transport, ...hint(options) });
    return (await oauth.processIntrospectionResponse(server, oauthClient(client), response)) as IntrospectionResult;
  });
}

/** RFC 7009 revocation. Resolves `true`; revoking an unknown token also succeeds, as the RFC says. */
export async function revokeToken(client: OidcClient, token: string, options?: TokenHintOptions): Promise<true> {
  requireString('revokeToken', 'token', token);
  const auth = clientAuth(client, client.revocationEndPointAuthMethod, 'revocationEndPointAuthMethod');
  const server = await metadata(client, options);
  return exchange(client, 'revokeToken', options, async (transport) => {
    const response = await oauth.revocationRequest(server, oauthClient(client), auth, token, { ...transport, ...hint(options) });
    await oauth.processRevocationResponse(response);
    return true as const;
  });
}

/** Options of {@link getUserInfoByAccessToken}. */
export interface UserInfoOptions extends RequestOptions {
  /** The `sub` of the ID token; the answer must be about the same user (OIDC Core §5.3.4). */
  expectedSubject?: string;
}

/**
 * UserInfo with the token in the `Authorization` header, never the query string (Authing's
 * SDKs default to `?access_token=`, which ends up in access logs).
 */
export async function getUserInfoByAccessToken(client: OidcClient, accessToken: string, options?: UserInfoOptions): Promise<UserInfo> {
  requireString('getUserInfoByAccessToken', 'accessToken', accessToken);
  const server = await metadata(client, options);
  return exchange(client, 'getUserInfoByAccessToken', options, async (transport) => {
    const response = await oauth.userInfoRequest(server, oauthClient(client), accessToken, transport);
    return (await oauth.processUserInfoResponse(
      server,
      oauthClient(client),
      options?.expectedSubject ?? oauth.skipSubjectCheck,
      response,
    )) as UserInfo;
  });
}
