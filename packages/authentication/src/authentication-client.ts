import { enUS, type Lang, type Messages } from '@authing/core';
import { jaJP } from '@authing/core/i18n/ja-JP';
import { zhCN } from '@authing/core/i18n/zh-CN';
import { zhTW } from '@authing/core/i18n/zh-TW';
import { createAuthenticationClient, setAccessToken, type AuthenticationClientHandle, type AuthenticationClientOptions } from './client.ts';
import * as credentials from './credentials.ts';
import type { CredentialMethod, SignIn, SignUp } from './credentials.ts';
import { AuthenticationApi } from './generated/api.ts';
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
 * The OIDC, OAuth, CAS and SAML methods (`buildAuthorizeUrl`,
 * `getAccessTokenByCode`, …) join this class from `@authing/protocols`.
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
