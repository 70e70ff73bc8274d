import { enUS, type Lang, type Messages } from '@authing/core';
import { jaJP } from '@authing/core/i18n/ja-JP';
import { zhCN } from '@authing/core/i18n/zh-CN';
import { zhTW } from '@authing/core/i18n/zh-TW';
import { createAuthenticationClient, setAccessToken, type AuthenticationClientHandle, type AuthenticationClientOptions } from './client.ts';
import * as credentials from './credentials.ts';
import type { CredentialMethod, SignIn, SignUp } from './credentials.ts';
import { AuthenticationApi } from './generated/api.ts';
import * as protocols from './protocol-methods.ts';
import type { AuthorizationUrl, AuthorizeUrlParams, TicketV1Result, TicketV2Result } from './protocol-methods.ts';
import type * as oidc from '@authing/protocols/oidc';
import type { LoginTokenResponseDataDto, UserDto } from './generated/models.ts';

const catalogs: Readonly<Record<Lang, Messages>> = { 'en-US': enUS, 'zh-CN': zhCN, 'zh-TW': zhTW, 'ja-JP': jaJP };

type Token = LoginTokenResponseDataDto;

export interface AuthenticationClient<ThrowOnError extends boolean = false> {
  /** Signs in with email and password. */
  signInByEmailPassword: CredentialMethod<ThrowOnError, SignIn<{ email: string; password: string }>, Token>;
  /** Signs in with username and password. */
  signInByUsernamePassword: CredentialMethod<ThrowOnError, SignIn<{ username: string; password: string }>, Token>;
  /** Signs in with phone number and password. */
  signInByPhonePassword: CredentialMethod<ThrowOnError, SignIn<{ phone: string; password: string }>, Token>;
  /** Signs in with any account identifier and password. */
  signInByAccountPassword: CredentialMethod<ThrowOnError, SignIn<{ account: string; password: string }>, Token>;
  /** Signs in with an email passcode. */
  signInByEmailPassCode: CredentialMethod<ThrowOnError, SignIn<{ email: string; passCode: string }>, Token>;
  /** Signs in with an SMS passcode. */
  signInByPhonePassCode: CredentialMethod<ThrowOnError, SignIn<{ phone: string; passCode: string; phoneCountryCode?: string }>, Token>;
  /** Signs in against a Windows AD directory. */
  signInByAD: CredentialMethod<ThrowOnError, SignIn<{ sAMAccountName: string; password: string }>, Token>;
  /** Signs in against an LDAP directory. */
  signInByLDAP: CredentialMethod<ThrowOnError, SignIn<{ sAMAccountName: string; password: string }>, Token>;
  /** Signs up with email and password. */
  signUpByEmailPassword: CredentialMethod<ThrowOnError, SignUp<{ email: string; password: string }>, UserDto>;
  /** Signs up with username and password. */
  signUpByUsernamePassword: CredentialMethod<ThrowOnError, SignUp<{ username: string; password: string }>, UserDto>;
  /** Signs up with an email passcode. */
  signUpByEmailCode: CredentialMethod<ThrowOnError, SignUp<{ email: string; passCode: string }>, UserDto>;
  /** Signs up with an SMS passcode. */
  signUpByPhoneCode: CredentialMethod<ThrowOnError, SignUp<{ phone: string; passCode: string; phoneCountryCode?: string }>, UserDto>;
}

/**
 * Every Authentication API endpoint as a method, plus the sign-in and sign-up
 * helpers of Authing's official SDK docs:
 *
 * ```ts
 * const auth = new AuthenticationClient({ appId, appSecret, appHost });
 * const res = await auth.signInByEmailPassword({ email, password });
 * if (res.statusCode === 200) auth.setAccessToken(res.data.access_token);
 * await auth.updateProfile({ nickname: 'Alice' });
 * ```
 *
 * The protocol methods (`buildAuthorizeUrl`, `getAccessTokenByCode`, …) follow
 * the `protocol` option and are implemented by `@authing/protocols`.
 */
export class AuthenticationClient<ThrowOnError extends boolean = false> extends AuthenticationApi<ThrowOnError> {
  declare readonly client: AuthenticationClientHandle<ThrowOnError>;

  constructor(options: AuthenticationClientOptions<ThrowOnError>) {
    const messages = options?.messages ?? (options?.lang ? catalogs[options.lang] : undefined);
    super(createAuthenticationClient({ ...options, ...(messages ? { messages } : {}) }));
  }

  /** Sets (or clears) the signed-in user's access token for the profile and "my …" endpoints. */
  setAccessToken(accessToken: string | undefined): void {
    setAccessToken(this.client, accessToken);
  }

  /** The login URL for the app's protocol; OIDC/OAuth also return the `state`, `nonce` and PKCE `codeVerifier` to keep. */
  buildAuthorizeUrl(params?: AuthorizeUrlParams): Promise<AuthorizationUrl> {
    return protocols.buildAuthorizeUrl(this.client, params);
  }

  /** Exchanges an authorization code and its PKCE verifier for tokens, validating the ID token. */
  getAccessTokenByCode(code: string, options: oidc.CodeExchangeOptions): Promise<oidc.TokenSet> {
    return protocols.getAccessTokenByCode(this.client, code, options);
  }

  /** Refreshes an access token. */
  getNewAccessTokenByRefreshToken(refreshToken: string): Promise<oidc.TokenSet> {
    return protocols.getNewAccessTokenByRefreshToken(this.client, refreshToken);
  }

  /** A machine-to-machine token (`client_credentials`). */
  getAccessTokenByClientCredentials(options?: oidc.ClientCredentialsOptions): Promise<oidc.TokenSet> {
    return protocols.getAccessTokenByClientCredentials(this.client, options);
  }

  /** RFC 7662 token introspection. */
  introspectToken(token: string): Promise<oidc.IntrospectionResult> {
    return protocols.introspectToken(this.client, token);
  }

  /** RFC 7009 token revocation. */
  revokeToken(token: string): Promise<true> {
    return protocols.revokeToken(this.client, token);
  }

  /** The user's claims from the userinfo endpoint (the token goes in the `Authorization` header). */
  getUserInfoByAccessToken(accessToken: string): Promise<oidc.UserInfo> {
    return protocols.getUserInfoByAccessToken(this.client, accessToken);
  }

  /** The logout URL for the app's protocol. */
  buildLogoutUrl(params?: oidc.LogoutParams): Promise<string> {
    return protocols.buildLogoutUrl(this.client, params);
  }

  /** Validates an ID token fully and returns its claims. */
  verifyIdToken(idToken: string, options?: oidc.VerifyIdTokenOptions): Promise<oidc.IdTokenClaims> {
    return protocols.verifyIdToken(this.client, idToken, options);
  }

  /** The same as `verifyIdToken`, under the name Authing's SDK uses. */
  parseIdToken(idToken: string, options?: oidc.VerifyIdTokenOptions): Promise<oidc.IdTokenClaims> {
    return protocols.verifyIdToken(this.client, idToken, options);
  }

  /** Validates a JWT access token offline. */
  verifyAccessToken(accessToken: string, options?: oidc.VerifyAccessTokenOptions): Promise<oidc.AccessTokenClaims> {
    return protocols.verifyAccessToken(this.client, accessToken, options);
  }

  /** CAS 1.0 ticket validation: `{ valid, user }` or `{ valid: false, message }`. */
  validateTicketV1(ticket: string, service: string): Promise<TicketV1Result> {
    return protocols.validateTicketV1(this.client, ticket, service);
  }

  /** CAS 2.0 ticket validation with the user's attributes. */
  validateTicketV2(ticket: string, service: string, format?: 'JSON' | 'XML'): Promise<TicketV2Result> {
    return protocols.validateTicketV2(this.client, ticket, service, format);
  }
}

for (const [name, helper] of Object.entries(credentials)) {
  Object.defineProperty(AuthenticationClient.prototype, name, {
    configurable: true,
    writable: true,
    value(this: AuthenticationClient<boolean>, params: unknown, options?: unknown) {
      return (helper as (client: unknown, params: unknown, options?: unknown) => unknown)(this.client, params, options);
    },
  });
}
