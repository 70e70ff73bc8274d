import { ValidationError, type ClientOptions, type Lang } from '@authing/core';
import {
  AuthenticationClient as V3AuthenticationClient,
  type AuthenticationClientOptions as V3AuthenticationClientOptions,
  type EndpointAuthMethod,
  type LoginTokenResponseDataDto,
  type SendSMSDto,
  type UserDepartmentRespDto,
  type UserDto,
} from '@authing/authentication';
import { allPages } from '../all-pages.ts';
import { AuthingV2Error, reported, toV2Error } from '../errors.ts';
import { passwordPayload, type PasswordPayload } from '../password.ts';
import { toV2ApplicationPublicDetail, type V2ApplicationPublicDetail } from '../shapes/application.ts';
import { toV2OrgPath, toV2UserDepartment, type V2UserDepartment, type V2UserOrgList } from '../shapes/department.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2AuthorizedResources, type V2AuthorizedResource } from '../shapes/resource.ts';
import { toV2Role, type V2Role } from '../shapes/role.ts';
import type { V2UserDefinedData } from '../shapes/udf.ts';
import { toV2User, type V2User } from '../shapes/user.ts';
import { Shim, type ShimOptions } from '../shim.ts';
import { AuthorizationRequests } from './authorize-requests.ts';
import { toKeyValues, toUserDefinedData } from './custom-data.ts';
import { emailChannel, type V2EmailScene } from './email-scenes.ts';
import { numericClaim, unverifiedClaims } from './jwt-payload.ts';
import { passwordSecurityLevel } from './password-level.ts';
import { codeVerifier, s256Challenge } from './pkce.ts';
import {
  toV2SecurityLevel,
  type V2Cas20ValidationFailureResult,
  type V2Cas20ValidationSuccessResult,
  type V2JwtTokenStatus,
  type V2PasswordSecurityLevel,
  type V2RefreshToken,
  type V2SecurityLevel,
  type V2TicketV1Result,
} from './shapes.ts';
import { createTokenStore, type TokenStore } from './token-store.ts';
import { noToken, tokenStatus } from './token-status.ts';
import { profileUpdate, signInOptions, signUpFields, type V2LoginOptions, type V2RegisterOptions, type V2RegisterProfile, type V2UpdateProfileInput } from './v2-inputs.ts';

/** v2's `AuthenticationClient` options, plus the v3 transport options a migrating app may want. */
export interface AuthenticationClientOptions extends ShimOptions, Pick<ClientOptions, 'retries' | 'headers' | 'fetch'> {
  appId: string;
  /** The app's domain, such as `https://my-app.authing.cn`. */
  appHost: string;
  /** Fills `userPoolId` and `arn` of the v2 users this client returns (v3 profiles do not carry the pool). */
  userPoolId?: string;
  /** The app secret (v3's `appSecret`), for the token endpoint and the sign-in endpoints. Never logged. */
  secret?: string;
  /** A signed-in user's token to start with, as v2's `token`. */
  token?: string;
  timeout?: number;
  lang?: Lang;
  tenantId?: string;
  /** The server's public key: passwords are then sent encrypted (RSA PEM, or SM2 hex as `sm2:04…`). */
  encPublicKey?: string;
  /** v2's JavaScript name for `encPublicKey`. */
  publicKey?: string;
  protocol?: 'oidc' | 'oauth' | 'cas' | 'saml';
  redirectUri?: string;
  logoutRedirectUri?: string;
  scope?: string;
  tokenEndPointAuthMethod?: EndpointAuthMethod;
  introspectionEndPointAuthMethod?: EndpointAuthMethod;
  revocationEndPointAuthMethod?: EndpointAuthMethod;
}

/** v2's `buildAuthorizeUrl` parameters (`IOidcParams`, `IOauthParams`, `ICasParams`). */
export interface V2AuthorizeParams {
  /** Must be the client's own appId, if given. */
  appId?: string;
  redirectUri?: string;
  /** Only `code`: v3 does the authorization code flow with PKCE, never the implicit flow. */
  responseType?: string;
  responseMode?: 'query' | 'fragment' | 'form_post';
  /** Default `openid profile email phone address` (OIDC), as v2; `user` (OAuth). */
  scope?: string;
  /** Refused: generated from WebCrypto's CSPRNG and kept by the client. */
  state?: string;
  /** Refused: generated from WebCrypto's CSPRNG and kept by the client. */
  nonce?: string;
  /** Refused: the client sends its own S256 challenge and keeps the verifier. */
  codeChallenge?: string;
  /** Refused, as `codeChallenge`. */
  codeChallengeMethod?: 'plain' | 'S256';
  /** CAS only: where the CAS server sends the user back. */
  service?: string;
}

/** v2's `buildLogoutUrl` parameters (`ILogoutParams`). */
export interface V2LogoutParams {
  /** v2 switched to OIDC end-session with it; v3 always uses end-session for OIDC apps. */
  expert?: boolean;
  redirectUri?: string;
  idToken?: string;
  /** Not in v2: echoed back to the redirect URI. */
  state?: string;
}

type V3 = V3AuthenticationClient<true>;
type TokenSet = Awaited<ReturnType<V3['getAccessTokenByCode']>>;
type UserInfo = Awaited<ReturnType<V3['getUserInfoByAccessToken']>>;
type Introspection = Awaited<ReturnType<V3['introspectToken']>>;
type Claims = Awaited<ReturnType<V3['verifyAccessToken']>>;
type SmsChannel = SendSMSDto['channel'];

const v2OidcScope = 'openid profile email phone address';
const none = { tokenEndPointAuthMethod: 'none', introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' } as const;
const secretPost = { tokenEndPointAuthMethod: 'client_secret_post', introspectionEndPointAuthMethod: 'client_secret_post', revocationEndPointAuthMethod: 'client_secret_post' } as const;

/**
 * v2's `AuthenticationClient`, over `@authing/authentication` (and `@authing/protocols` for the
 * protocol helpers): the same methods, v2 user objects, v2 errors, and the signed-in user kept as
 * v2 kept it (`localStorage` under `_authing_token` and `_authing_user` in browsers, memory
 * elsewhere).
 *
 * Differences a v2 app notices:
 * - `buildAuthorizeUrl` resolves a Promise of the URL (v2 returned the string), always with PKCE
 *   (S256) and a CSPRNG `state` and `nonce`, which the client keeps for `getAccessTokenByCode`.
 * - `buildLogoutUrl` and `getCodeChallengeDigest` resolve Promises too (discovery, WebCrypto).
 * - Tokens never travel in a query string: `getUserInfoByAccessToken` sends the header, and
 *   `logout` revokes the token (RFC 7009) instead of calling v2's cookie logout.
 * - Passcodes are bound to a purpose in v3: `sendSmsCode` takes an optional `channel`.
 */
export class AuthenticationClient {
  #v3: V3;
  readonly #v3Options: V3AuthenticationClientOptions<true>;
  readonly #shim: Shim;
  readonly #onError: ShimOptions['onError'];
  readonly #store: TokenStore;
  readonly #userPoolId: string;
  readonly #encPublicKey: string | undefined;
  readonly #authorizations = new AuthorizationRequests();
  /** The refresh token of the last sign-in or code exchange: in memory only, never in storage. */
  #refreshToken: string | undefined;
  #protocolOnly: V3 | undefined;

  constructor(options: AuthenticationClientOptions) {
    const { userPoolId, secret, token, encPublicKey, publicKey, onError, deprecationWarnings, ...rest } = options ?? ({} as AuthenticationClientOptions);
    // v2 apps in browsers had no secret; v3 then needs the endpoint auth methods to say `none`
    // (unless the app names them: an option left undefined does not count).
    const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as typeof rest;
    this.#v3Options = { ...(secret ? {} : none), ...given, appSecret: secret, throwOnError: true };
    try {
      this.#v3 = new V3AuthenticationClient({ ...this.#v3Options, accessToken: token });
    } catch (error) {
      throw reported(toV2Error(error), onError);
    }
    this.#shim = new Shim({ onError, deprecationWarnings }, 'AuthenticationClient');
    this.#onError = onError;
    this.#store = createTokenStore();
    this.#userPoolId = userPoolId ?? '';
    this.#encPublicKey = encPublicKey ?? publicKey;
    if (token !== undefined) this.#store.save(token);
    else if (this.#store.token()) this.#v3.setAccessToken(this.#store.token());
  }

  /** A failure of a synchronous v2 method: `onError` first, then thrown. */
  #fail(error: unknown): never {
    throw reported(toV2Error(error), this.#onError);
  }

  #user(profile: UserDto, token = this.#store.token()): V2User {
    const expiry = this.#store.user()?.token === token ? this.#store.user()?.tokenExpiredAt : undefined;
    const exp = numericClaim(unverifiedClaims(token), 'exp');
    const tokenExpiredAt = expiry ?? (exp === undefined ? undefined : new Date(exp * 1000).toISOString());
    return toV2User(profile, this.#userPoolId, { token, tokenExpiredAt });
  }

  /** v2's `setCurrentUser`: the user and its token become the client's (a user without one signs the client out). */
  #setCurrentUser(user: V2User): void {
    const token = user.token ?? undefined;
    this.#store.save(token, user);
    this.#v3.setAccessToken(token);
  }

  /** Keeps the tokens of a sign-in, then reads the profile as v2's login result. */
  async #signedIn(tokens: LoginTokenResponseDataDto): Promise<V2User> {
    const token = tokens.access_token ?? tokens.id_token;
    this.#v3.setAccessToken(token);
    this.#refreshToken = tokens.refresh_token ?? undefined;
    const profile = await this.#v3.getProfile();
    const tokenExpiredAt = new Date(Date.now() + tokens.expire_in * 1000).toISOString();
    const user = toV2User(profile, this.#userPoolId, { token, tokenExpiredAt });
    this.#store.save(token, user);
    return user;
  }

  async #password(password: string): Promise<PasswordPayload> {
    return passwordPayload(password, this.#encPublicKey);
  }

  /** The current user, fresh from the server, stored as v2's `setCurrentUser` did. */
  async #refreshedUser(): Promise<V2User> {
    const user = this.#user(await this.#v3.getProfile());
    this.#store.save(user.token ?? undefined, user);
    return user;
  }

  /** A v3 client on the same app with other credentials or another user's token. */
  #otherClient(overrides: Partial<V3AuthenticationClientOptions<true>>): V3 {
    return new V3AuthenticationClient({ ...this.#v3Options, ...overrides });
  }

  /** A client for revocation and introspection: this one, or its OIDC twin for CAS and SAML apps. */
  #protocolClient(): V3 {
    const protocol = this.#v3Options.protocol ?? 'oidc';
    if (protocol === 'oidc' || protocol === 'oauth') return this.#v3;
    this.#protocolOnly ??= this.#otherClient({ protocol: 'oidc' });
    return this.#protocolOnly;
  }

  #requireString(field: string, value: unknown): asserts value is string {
    if (typeof value !== 'string' || value === '') throw new ValidationError(`\`${field}\` is required: a non-empty string`, field);
  }

  /**
   * The signed-in user's id, without a request: the kept user's, else the `sub` of the token
   * (read, not verified, as v2 did). Throws 2020 when nobody is signed in.
   */
  checkLoggedIn(): string {
    this.#shim.warn('checkLoggedIn', 'the `sub` of AuthenticationClient.verifyAccessToken(), or getProfile().userId, from @authing/authentication');
    const user = this.#store.user();
    if (user?.id) return user.id;
    const claims = unverifiedClaims(this.#store.token());
    const data = claims?.data as { id?: unknown } | undefined;
    const id = claims?.sub ?? data?.id;
    if (typeof id === 'string' && id !== '') return id;
    return this.#fail(new AuthingV2Error(2020, this.#store.token() ? 'the token carries no user id: sign in again' : 'not logged in'));
  }

  /** Keeps `user` as the signed-in user, and its `token` as the client's, as v2's `setCurrentUser`. */
  setCurrentUser(user: V2User): void {
    this.#shim.warn('setCurrentUser', 'setAccessToken');
    if (typeof user !== 'object' || user === null) this.#fail(new ValidationError('`user` is required: a v2 user object', 'user'));
    this.#setCurrentUser(user);
  }

  /** Sets the signed-in user's token, as v2's `setToken`. */
  setToken(token: string): void {
    this.#shim.warn('setToken', 'setAccessToken');
    this.#v3.setAccessToken(token);
    this.#store.save(token);
  }

  /** A new user, as v2's register methods left it: the client's current user (so, without a token, signed out). */
  #registered(created: UserDto): V2User {
    const user = toV2User(created, this.#userPoolId);
    this.#setCurrentUser(user);
    return user;
  }

  /** v3's sign-up returns no token; v2's `forceLogin` and `generateToken` signed the new user in. */
  async #signUpThenMaybeSignIn(created: UserDto, options: V2RegisterOptions | undefined, signIn: () => Promise<LoginTokenResponseDataDto>): Promise<V2User> {
    return options?.forceLogin || options?.generateToken ? this.#signedIn(await signIn()) : this.#registered(created);
  }

  /**
   * Signs up with email and password; resolves the new user, with a token when `forceLogin` or
   * `generateToken` is set (a sign-in follows the sign-up). As v2, the new user becomes the
   * client's current user.
   */
  registerByEmail(email: string, password: string, profile?: V2RegisterProfile, options?: V2RegisterOptions): Promise<V2User> {
    return this.#shim.run('registerByEmail', 'signUpByEmailPassword', async () => {
      const sent = await this.#password(password);
      const fields = signUpFields(profile, options, sent.passwordEncryptType);
      const created = await this.#v3.signUpByEmailPassword({ email, password: sent.password, ...fields });
      return this.#signUpThenMaybeSignIn(created, options, () =>
        this.#v3.signInByEmailPassword({ email, password: sent.password, options: signInOptions({ clientIp: options?.clientIp }, sent.passwordEncryptType) }),
      );
    });
  }

  /** Signs up with username and password; as `registerByEmail`. */
  registerByUsername(username: string, password: string, profile?: V2RegisterProfile, options?: V2RegisterOptions): Promise<V2User> {
    return this.#shim.run('registerByUsername', 'signUpByUsernamePassword', async () => {
      const sent = await this.#password(password);
      const fields = signUpFields(profile, options, sent.passwordEncryptType);
      const created = await this.#v3.signUpByUsernamePassword({ username, password: sent.password, ...fields });
      return this.#signUpThenMaybeSignIn(created, options, () =>
        this.#v3.signInByUsernamePassword({ username, password: sent.password, options: signInOptions({ clientIp: options?.clientIp }, sent.passwordEncryptType) }),
      );
    });
  }

  /**
   * Signs up with an SMS passcode (send it with `sendSmsCode(phone, { channel: 'CHANNEL_REGISTER' })`).
   * v3's passcode sign-up sets no password and returns no token, and the code is spent: a
   * `password`, `forceLogin` or `generateToken` is refused; sign in, then `updatePassword`.
   */
  registerByPhoneCode(phone: string, code: string, password?: string, profile?: V2RegisterProfile, options?: V2RegisterOptions): Promise<V2User> {
    return this.#shim.run('registerByPhoneCode', 'signUpByPhoneCode', async () => {
      if (password) throw new ValidationError("v3's passcode sign-up sets no password: sign up, sign in with loginByPhoneCode, then call updatePassword", 'password');
      if (options?.forceLogin || options?.generateToken) {
        throw new ValidationError("v3's passcode sign-up returns no token and spends the code: sign in afterwards with a new code (loginByPhoneCode)", options.forceLogin ? 'forceLogin' : 'generateToken');
      }
      return this.#registered(await this.#v3.signUpByPhoneCode({ phone, passCode: code, ...signUpFields(profile, options) }));
    });
  }

  /** v2 checked a password against the pool's policy; v3 has no endpoint for it. */
  checkPasswordStrength(_password: string): Promise<never> {
    return this.#shim.unsupported(
      'checkPasswordStrength',
      "v3 has no endpoint that checks a password against the pool's policy; sign-up and password changes enforce it and answer its error (computedPasswordSecurityLevel estimates locally)",
    );
  }

  /**
   * Sends an SMS passcode. v3 binds each code to its purpose: `channel` defaults to
   * `CHANNEL_LOGIN` (for `loginByPhoneCode`); use `CHANNEL_REGISTER`, `CHANNEL_RESET_PASSWORD`,
   * `CHANNEL_BIND_PHONE`, `CHANNEL_UNBIND_PHONE`, … for the other flows.
   */
  sendSmsCode(phone: string, options: { channel?: SmsChannel; phoneCountryCode?: string } = {}): Promise<V2CommonMessage> {
    return this.#shim.run('sendSmsCode', 'sendSms', async () => {
      await this.#v3.sendSms({
        phoneNumber: phone,
        channel: options.channel ?? 'CHANNEL_LOGIN',
        ...(options.phoneCountryCode ? { phoneCountryCode: options.phoneCountryCode } : {}),
      });
      return { code: 200 as const, message: 'sent' };
    });
  }

  /**
   * Sends an email with a passcode or link. v2's scenes map to v3 channels (`RESET_PASSWORD` →
   * `CHANNEL_RESET_PASSWORD`, `VERIFY_EMAIL` → `CHANNEL_VERIFY_EMAIL_LINK`, `CHANGE_EMAIL` →
   * `CHANNEL_UPDATE_EMAIL`); a v3 channel is taken as it is.
   */
  sendEmail(email: string, scene: V2EmailScene): Promise<V2CommonMessage> {
    return this.#shim.run('sendEmail', 'sendEmail', async () => {
      await this.#v3.sendEmail({ email, channel: emailChannel(scene) });
      return { code: 200 as const, message: 'sent' };
    });
  }

  /** Signs in with email and password; resolves the user, whose `token` is now the client's. */
  loginByEmail(email: string, password: string, options?: V2LoginOptions): Promise<V2User> {
    return this.#shim.run('loginByEmail', 'signInByEmailPassword', async () => {
      const sent = await this.#password(password);
      return this.#signedIn(await this.#v3.signInByEmailPassword({ email, password: sent.password, options: signInOptions(options, sent.passwordEncryptType) }));
    });
  }

  /** Signs in with username and password; resolves the user, whose `token` is now the client's. */
  loginByUsername(username: string, password: string, options?: V2LoginOptions): Promise<V2User> {
    return this.#shim.run('loginByUsername', 'signInByUsernamePassword', async () => {
      const sent = await this.#password(password);
      return this.#signedIn(await this.#v3.signInByUsernamePassword({ username, password: sent.password, options: signInOptions(options, sent.passwordEncryptType) }));
    });
  }

  /** Signs in with an SMS passcode (from `sendSmsCode(phone)`). An unknown phone is 2004. */
  loginByPhoneCode(phone: string, code: string, options?: V2LoginOptions & { phoneCountryCode?: string }): Promise<V2User> {
    return this.#shim.run('loginByPhoneCode', 'signInByPhonePassCode', async () => {
      const { phoneCountryCode, ...rest } = options ?? {};
      return this.#signedIn(
        await this.#v3.signInByPhonePassCode({ phone, passCode: code, ...(phoneCountryCode ? { phoneCountryCode } : {}), options: signInOptions(rest) }),
      );
    });
  }

  /** Signs in with phone number and password. */
  loginByPhonePassword(phone: string, password: string, options?: V2LoginOptions): Promise<V2User> {
    return this.#shim.run('loginByPhonePassword', 'signInByPhonePassword', async () => {
      const sent = await this.#password(password);
      return this.#signedIn(await this.#v3.signInByPhonePassword({ phone, password: sent.password, options: signInOptions(options, sent.passwordEncryptType) }));
    });
  }

  /**
   * Signs in a sub-account with its own account name and password. v3's sub-accounts ("public
   * accounts") are users with their own credentials, so this is an account-password sign-in;
   * switching from a signed-in main user is v3's `switchLoginByUser`.
   */
  loginBySubAccount(account: string, password: string, options?: { captchaCode?: string; clientIp?: string }): Promise<V2User> {
    return this.#shim.run('loginBySubAccount', 'signInByAccountPassword', async () => {
      const sent = await this.#password(password);
      return this.#signedIn(await this.#v3.signInByAccountPassword({ account, password: sent.password, options: signInOptions(options, sent.passwordEncryptType) }));
    });
  }

  /** Signs in against the app's LDAP directory (v3 connection `LDAP`). */
  loginByLdap(username: string, password: string, options?: V2LoginOptions): Promise<V2User> {
    return this.#shim.run('loginByLdap', 'signInByLDAP', async () => {
      return this.#signedIn(await this.#v3.signInByLDAP({ sAMAccountName: username, password, options: signInOptions(options) }));
    });
  }

  /** Signs in against the app's Windows AD (v3 connection `AD`; no `websocketHost` is needed). */
  loginByAd(username: string, password: string): Promise<V2User> {
    return this.#shim.run('loginByAd', 'signInByAD', async () => this.#signedIn(await this.#v3.signInByAD({ sAMAccountName: username, password })));
  }

  /**
   * Whether `token` (default the client's) is a live login, in v2's `{ code, message, status,
   * exp, iat, data: { id, userPoolId, arn } }`: v3 token introspection (RFC 7662), or, for a JWT
   * the introspection endpoint refuses (the v3 sign-in's tokens), get-profile with it. An inactive
   * token is `status: false` with 2206 (expired) or 2207 (invalid or revoked); no token is 2020.
   */
  checkLoginStatus(token?: string): Promise<V2JwtTokenStatus> {
    return this.#shim.run('checkLoginStatus', 'introspectToken', async () => {
      const checked = token ?? this.#store.token();
      if (!checked) return noToken();
      let introspection: Introspection;
      try {
        introspection = await this.#protocolClient().introspectToken(checked);
      } catch (error) {
        if ((error as { error?: unknown } | null)?.error !== 'unsupported_token_type') throw error;
        introspection = await this.#introspectByProfile(checked);
      }
      return tokenStatus(checked, introspection, this.#userPoolId);
    });
  }

  /**
   * The introspection endpoint (oidc-provider's) refuses structured JWTs, which is what the v3
   * sign-in issues: such a token is checked by using it. The server's answer decides; the
   * `exp` and `iat` shown are then read from the token it accepted.
   */
  async #introspectByProfile(token: string): Promise<Introspection> {
    const client = token === this.#store.token() ? this.#v3 : this.#otherClient({ accessToken: token });
    try {
      const { userId } = await client.getProfile();
      const claims = unverifiedClaims(token);
      return { active: true, sub: userId, exp: numericClaim(claims, 'exp'), iat: numericClaim(claims, 'iat') };
    } catch (error) {
      if (toV2Error(error).code === 2020) return { active: false };
      throw error;
    }
  }

  async #resetPassword(verify: () => Promise<{ passwordResetToken: string }>, newPassword: string): Promise<V2CommonMessage> {
    this.#requireString('newPassword', newPassword);
    const { passwordResetToken } = await verify();
    const sent = await this.#password(newPassword);
    await this.#v3.resetPassword({ passwordResetToken, password: sent.password, passwordEncryptType: sent.passwordEncryptType });
    return { code: 200, message: 'password reset' };
  }

  /** Resets a password with an SMS passcode (`sendSmsCode(phone, { channel: 'CHANNEL_RESET_PASSWORD' })`). */
  resetPasswordByPhoneCode(phone: string, code: string, newPassword: string): Promise<V2CommonMessage> {
    return this.#shim.run('resetPasswordByPhoneCode', 'AuthenticationClient.verifyResetPasswordRequest() then resetPassword() from @authing/authentication', async () =>
      this.#resetPassword(
        () => this.#v3.verifyResetPasswordRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: phone, passCode: code } }),
        newPassword,
      ),
    );
  }

  /** Resets a password with an email passcode (`sendEmail(email, 'RESET_PASSWORD')`). */
  resetPasswordByEmailCode(email: string, code: string, newPassword: string): Promise<V2CommonMessage> {
    return this.#shim.run('resetPasswordByEmailCode', 'AuthenticationClient.verifyResetPasswordRequest() then resetPassword() from @authing/authentication', async () =>
      this.#resetPassword(
        () => this.#v3.verifyResetPasswordRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email, passCode: code } }),
        newPassword,
      ),
    );
  }

  /** v2 reset a password with the token of a first login that required it; v3 has no such endpoint. */
  resetPasswordByFirstLoginToken(_params: { token: string; password: string }): Promise<never> {
    return this.#shim.unsupported(
      'resetPasswordByFirstLoginToken',
      'v3 answers such a sign-in with apiCode 1639 and resets the password in the hosted login page; no endpoint takes a first-login token',
    );
  }

  /** v2 reset a password with a forced-reset token; v3 has no such endpoint. */
  resetPasswordByForceResetToken(_params: { token: string; newPassword: string; oldPassword: string }): Promise<never> {
    return this.#shim.unsupported(
      'resetPasswordByForceResetToken',
      'v3 answers such a sign-in with apiCode 2058 and resets the password in the hosted login page; no endpoint takes a force-reset token',
    );
  }

  /** Changes the signed-in user's password (`oldPassword` may be left out when none is set); resolves the user. */
  updatePassword(newPassword: string, oldPassword?: string): Promise<V2User> {
    return this.#shim.run('updatePassword', 'updatePassword', async () => {
      this.#requireString('newPassword', newPassword);
      const sent = await this.#password(newPassword);
      const old = oldPassword ? await this.#password(oldPassword) : undefined;
      await this.#v3.updatePassword({ newPassword: sent.password, ...(old ? { oldPassword: old.password } : {}), passwordEncryptType: sent.passwordEncryptType });
      return this.#user(await this.#v3.getProfile());
    });
  }

  /**
   * Updates the signed-in user's profile and resolves the updated user. v3 lets a user change
   * `name`, `nickname`, `photo`, `externalId`, `birthdate`, `country`, `province`, `city`,
   * `address`, `streetAddress`, `postalCode`, `gender`, `username` and `company`; the other v2
   * fields are refused before anything is sent (an administrator sets them with
   * `ManagementClient.updateUser`). `password` is ignored, as v2 ignored it.
   */
  updateProfile(updates: V2UpdateProfileInput): Promise<V2User> {
    return this.#shim.run('updateProfile', 'updateProfile', async () => {
      const updated = await this.#v3.updateProfile(profileUpdate(updates));
      const user = this.#user(updated);
      this.#store.save(user.token ?? undefined, user);
      return user;
    });
  }

  /** Changes the phone number: v3 checks the new number's code (and the old one's, when the pool asks) first. */
  updatePhone(phone: string, phoneCode: string, oldPhone?: string, oldPhoneCode?: string): Promise<V2User> {
    return this.#shim.run('updatePhone', 'AuthenticationClient.verifyUpdatePhoneRequest() then updatePhone() from @authing/authentication', async () => {
      const { updatePhoneToken } = await this.#v3.verifyUpdatePhoneRequest({
        verifyMethod: 'PHONE_PASSCODE',
        phonePassCodePayload: {
          newPhoneNumber: phone,
          newPhonePassCode: phoneCode,
          ...(oldPhone ? { oldPhoneNumber: oldPhone } : {}),
          ...(oldPhoneCode ? { oldPhonePassCode: oldPhoneCode } : {}),
        },
      });
      await this.#v3.updatePhone({ updatePhoneToken });
      return this.#user(await this.#v3.getProfile());
    });
  }

  /** Changes the email: v3 checks the new address's code (and the old one's, when the pool asks) first. */
  updateEmail(email: string, emailCode: string, oldEmail?: string, oldEmailCode?: string): Promise<V2User> {
    return this.#shim.run('updateEmail', 'AuthenticationClient.verifyUpdateEmailRequest() then updateEmail() from @authing/authentication', async () => {
      const { updateEmailToken } = await this.#v3.verifyUpdateEmailRequest({
        verifyMethod: 'EMAIL_PASSCODE',
        emailPassCodePayload: { newEmail: email, newEmailPassCode: emailCode, ...(oldEmail ? { oldEmail } : {}), ...(oldEmailCode ? { oldEmailPassCode: oldEmailCode } : {}) },
      });
      await this.#v3.updateEmail({ updateEmailToken });
      return this.#user(await this.#v3.getProfile());
    });
  }

  /** Binds a first phone number (code from `sendSmsCode(phone, { channel: 'CHANNEL_BIND_PHONE' })`); resolves the user. */
  bindPhone(phone: string, phoneCode: string): Promise<V2User> {
    return this.#shim.run('bindPhone', 'bindPhone', async () => {
      await this.#v3.bindPhone({ phoneNumber: phone, passCode: phoneCode });
      return this.#refreshedUser();
    });
  }

  /**
   * Unbinds the phone number. v3 asks for a passcode sent to it (v2 did not):
   * `sendSmsCode(phone, { channel: 'CHANNEL_UNBIND_PHONE' })`, then `unbindPhone(passCode)`.
   */
  unbindPhone(passCode?: string): Promise<V2User> {
    return this.#shim.run('unbindPhone', 'unbindPhone', async () => {
      if (!passCode) throw new ValidationError("`passCode` is required: v3 checks a code sent to the bound phone (sendSmsCode(phone, { channel: 'CHANNEL_UNBIND_PHONE' }))", 'passCode');
      await this.#v3.unbindPhone({ passCode });
      return this.#refreshedUser();
    });
  }

  /** Binds a first email (code from `sendEmail(email, 'CHANNEL_BIND_EMAIL')`); resolves the user. */
  bindEmail(email: string, emailCode: string): Promise<V2User> {
    return this.#shim.run('bindEmail', 'bindEmail', async () => {
      await this.#v3.bindEmail({ email, passCode: emailCode });
      return this.#refreshedUser();
    });
  }

  /** Unbinds the email. v3 asks for a passcode sent to it: `sendEmail(email, 'CHANNEL_UNBIND_EMAIL')`, then `unbindEmail(passCode)`. */
  unbindEmail(passCode?: string): Promise<V2User> {
    return this.#shim.run('unbindEmail', 'unbindEmail', async () => {
      if (!passCode) throw new ValidationError("`passCode` is required: v3 checks a code sent to the bound email (sendEmail(email, 'CHANNEL_UNBIND_EMAIL'))", 'passCode');
      await this.#v3.unbindEmail({ passCode });
      return this.#refreshedUser();
    });
  }

  /** The signed-in user, fresh from the server; `null` when nobody is signed in or the token is no longer valid (as v2). */
  getCurrentUser(): Promise<V2User | null> {
    return this.#shim.run('getCurrentUser', 'getProfile', async () => {
      if (!this.#store.token()) return null;
      try {
        return await this.#refreshedUser();
      } catch (error) {
        // A revoked or expired token: signed out, which v2 reported as null. Other failures throw.
        if (toV2Error(error).code === 2020) return null;
        throw error;
      }
    });
  }

  /**
   * Signs out: revokes the refresh token and the access token (RFC 7009, v3 `revokeToken`; the
   * token goes in the request body, never a query string) and clears the kept user and token,
   * even when the revocation fails (which then throws).
   */
  logout(): Promise<void> {
    return this.#shim.run('logout', 'revokeToken', async () => {
      const token = this.#store.token();
      const refreshToken = this.#refreshToken;
      try {
        const client = this.#protocolClient();
        if (refreshToken) await client.revokeToken(refreshToken);
        if (token) await client.revokeToken(token);
      } finally {
        this.#store.clear();
        this.#refreshToken = undefined;
        this.#v3.setAccessToken(undefined);
      }
    });
  }

  /**
   * Refreshes the signed-in user's token with the refresh token of the last sign-in or code
   * exchange (sign in with `{ scope: 'openid profile offline_access' }`, or authorize with
   * `offline_access`); resolves v2's `{ token, iat, exp }`, and the new token is the client's.
   */
  refreshToken(): Promise<V2RefreshToken> {
    return this.#shim.run('refreshToken', 'getNewAccessTokenByRefreshToken', async () => {
      const refreshToken = this.#refreshToken;
      if (!refreshToken) {
        throw new ValidationError("no refresh token: v3 refreshes with one, issued for the scope offline_access (sign in with { scope: 'openid profile offline_access' })", 'refreshToken');
      }
      const tokens = await this.#protocolClient().getNewAccessTokenByRefreshToken(refreshToken);
      const token = tokens.access_token;
      this.#refreshToken = tokens.refresh_token ?? refreshToken;
      const claims = unverifiedClaims(token);
      const iat = numericClaim(claims, 'iat') ?? Math.floor(Date.now() / 1000);
      const exp = numericClaim(claims, 'exp') ?? iat + (tokens.expires_in ?? 0);
      // The kept user is the same user with a new token.
      const kept = this.#store.user();
      const previous = this.#store.token();
      this.#v3.setAccessToken(token);
      this.#store.save(token, kept && previous !== undefined && kept.token === previous ? { ...kept, token, tokenExpiredAt: new Date(exp * 1000).toISOString() } : undefined);
      return { token, iat, exp };
    });
  }

  /** v2 merged a social account into a main one by their two tokens; v3 has no such endpoint. */
  linkAccount(_options: { primaryUserToken: string; secondaryUserToken: string }): Promise<never> {
    return this.#shim.unsupported(
      'linkAccount',
      "v3 links an external identity by sending the signed-in user to generateLinkExtIdpUrl() (it needs the connection's identifier and the user's ID token), not by merging two signed-in accounts",
    );
  }

  /** Unlinks the main account's identities from `provider` (`wechat:pc`, `github`, …): v3 unlinks by identity provider id. */
  unLinkAccount(options: { primaryUserToken: string; provider: string }): Promise<V2CommonMessage> {
    return this.#shim.run('unLinkAccount', 'AuthenticationClient.getIdentities() then unlinkExtIdp() from @authing/authentication', async () => {
      this.#requireString('primaryUserToken', options?.primaryUserToken);
      this.#requireString('provider', options?.provider);
      const owner = this.#otherClient({ accessToken: options.primaryUserToken });
      const family = options.provider.split(':')[0];
      const matching = (await owner.getIdentities()).filter((identity) => identity.provider === options.provider || identity.provider === family);
      if (matching.length === 0) throw new AuthingV2Error(2216, `the user has no identity from ${options.provider} to unlink`);
      for (const extIdpId of new Set(matching.map((identity) => identity.extIdpId))) await owner.unlinkExtIdp({ extIdpId });
      return { code: 200 as const, message: 'unlinked' };
    });
  }

  async #customData(): Promise<Record<string, unknown> | undefined> {
    return (await this.#v3.getProfile({ withCustomData: true })).customData;
  }

  async #writeCustomData(customData: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    return (await this.#v3.updateProfile({ customData })).customData;
  }

  /** The signed-in user's custom data, as v2's `[{ key, dataType, value, label }]` (values JSON-encoded). */
  listUdv(): Promise<V2UserDefinedData[]> {
    return this.#shim.run('listUdv', 'getProfile', async () => toUserDefinedData(await this.#customData()));
  }

  /** Sets one custom data value of the signed-in user; resolves the whole list. */
  setUdv(key: string, value: unknown): Promise<V2UserDefinedData[]> {
    return this.#shim.run('setUdv', 'updateProfile', async () => {
      this.#requireString('key', key);
      return toUserDefinedData(await this.#writeCustomData({ [key]: value }));
    });
  }

  /** Removes one custom data value (v3: sets it to null, which the lists leave out); resolves the list. */
  removeUdv(key: string): Promise<V2UserDefinedData[]> {
    return this.#shim.run('removeUdv', 'updateProfile', async () => {
      this.#requireString('key', key);
      return toUserDefinedData(await this.#writeCustomData({ [key]: null }));
    });
  }

  /** The signed-in user's custom data as an object. */
  getUdfValue(): Promise<Record<string, unknown>> {
    return this.#shim.run('getUdfValue', 'getProfile', async () => toKeyValues(await this.#customData()));
  }

  /** Sets several custom data values of the signed-in user. */
  setUdfValue(data: Record<string, unknown>): Promise<void> {
    return this.#shim.run('setUdfValue', 'updateProfile', async () => {
      if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) throw new ValidationError('`data` is required: an object with at least one key', 'data');
      await this.#writeCustomData(data);
    });
  }

  /** Removes one custom data value of the signed-in user (v3: sets it to null). */
  removeUdfValue(key: string): Promise<void> {
    return this.#shim.run('removeUdfValue', 'updateProfile', async () => {
      this.#requireString('key', key);
      await this.#writeCustomData({ [key]: null });
    });
  }

  /** Every department of the signed-in user (v3 pages them; v2 returned them all). */
  #departments(): Promise<{ totalCount: number; list: UserDepartmentRespDto[] }> {
    return allPages((page, limit) => this.#v3.getDepartmentList({ page, limit }));
  }

  /**
   * v2's `UserOrgList`: for each department of the signed-in user, the path from its organization
   * down to it, as `ManagementClient.users.listOrgs` gives it.
   */
  listOrgs(): Promise<V2UserOrgList> {
    return this.#shim.run('listOrgs', 'getDepartmentList', async () => (await this.#departments()).list.map((department) => toV2OrgPath(department, this.#userPoolId)));
  }

  /** The departments of the signed-in user, as v2's `{ totalCount, list: [{ department, isMainDepartment, joinedAt }] }`. */
  listDepartments(): Promise<V2Paginated<V2UserDepartment>> {
    return this.#shim.run('listDepartments', 'getDepartmentList', async () => {
      const { totalCount, list } = await this.#departments();
      return { totalCount, list: list.map(toV2UserDepartment) };
    });
  }

  /** The roles of the signed-in user (in `namespace`, if given). */
  listRoles(namespace?: string): Promise<V2Paginated<V2Role>> {
    return this.#shim.run('listRoles', 'getRoleList', async () => {
      const roles = await this.#v3.getRoleList(namespace ? { namespace } : {});
      return { totalCount: roles.length, list: roles.map((role) => toV2Role(role, this.#userPoolId)) };
    });
  }

  /** Whether the signed-in user has the role `roleCode` (in `namespace`, if given). */
  hasRole(roleCode: string, namespace?: string): Promise<boolean> {
    return this.#shim.run('hasRole', 'getRoleList', async () => {
      this.#requireString('roleCode', roleCode);
      return (await this.#v3.getRoleList(namespace ? { namespace } : {})).some((role) => role.code === roleCode);
    });
  }

  /** The apps the signed-in user may open, a page at a time (v3 answers them all; the page is cut here). */
  listApplications(params?: { page?: number; limit?: number }): Promise<V2Paginated<V2ApplicationPublicDetail>> {
    return this.#shim.run('listApplications', 'getAccessibleApps', async () => {
      const { page = 1, limit = 10 } = params ?? {};
      const apps = await this.#v3.getAccessibleApps();
      return { totalCount: apps.length, list: apps.slice((page - 1) * limit, page * limit).map(toV2ApplicationPublicDetail) };
    });
  }

  /** The resources the signed-in user is granted in `namespace`, as v2's `{ totalCount, list: [{ code, type, actions }] }`. */
  listAuthorizedResources(namespace: string, options?: { resourceType?: V2AuthorizedResource['type'] }): Promise<V2Paginated<V2AuthorizedResource>> {
    return this.#shim.run('listAuthorizedResources', 'getAuthorizedResources', async () => {
      const resourceType = options?.resourceType ?? undefined;
      const { totalCount, list } = await this.#v3.getAuthorizedResources({ ...(namespace ? { namespace } : {}), ...(resourceType ? { resourceType } : {}) });
      return toV2AuthorizedResources(list, Math.max(totalCount, list.length));
    });
  }

  /** The signed-in user's security level, as v2's `{ email, mfa, password, phone, passwordSecurityLevel, score }`. */
  getSecurityLevel(): Promise<V2SecurityLevel> {
    return this.#shim.run('getSecurityLevel', 'getSecurityLevel', async () => toV2SecurityLevel(await this.#v3.getSecurityLevel()));
  }

  /** v2 answered whether a user exists without signing in; v3 answers it on the management API only. */
  isUserExists(_options: { username?: string; email?: string; phone?: string; externalId?: string }): Promise<never> {
    return this.#shim.unsupported(
      'isUserExists',
      "v3's authentication API does not tell whether an account exists (account enumeration); ManagementClient.isUserExists does, with the pool's secret, on a server",
    );
  }

  /** v2 opened a file picker and uploaded the image to `/api/v2/upload`; v3 has no upload operation. */
  updateAvatar(_options?: { accept?: string }): Promise<never> {
    return this.#shim.unsupported('updateAvatar', "v3 has no file upload operation; upload the image where you host files, then call updateProfile({ photo: url })");
  }

  /** As `updateAvatar`, which v2 renamed to it. */
  uploadAvatar(_options?: { accept?: string }): Promise<never> {
    return this.#shim.unsupported('uploadAvatar', "v3 has no file upload operation; upload the image where you host files, then call updateProfile({ photo: url })");
  }

  /** v2's local estimate of a password's strength: 1 low, 2 middle, 3 high (kept: v3 has no client-side counterpart). */
  computedPasswordSecurityLevel(password: string): V2PasswordSecurityLevel {
    this.#shim.warn('computedPasswordSecurityLevel', 'a strength check in your app: v3 has none on the client, and the server enforces the pool policy at sign-up and password change');
    if (typeof password !== 'string') this.#fail(new ValidationError('`password` must be a string', 'password'));
    return passwordSecurityLevel(password);
  }

  /**
   * The login URL of the app's protocol.
   *
   * Unlike v2, this **resolves a Promise** of the URL string (v2 returned it synchronously), and
   * for OIDC and OAuth it always uses **PKCE (S256)** with a `state` and `nonce` from WebCrypto's
   * CSPRNG (v2 used `Math.random()` and often no PKCE). The client keeps the state, nonce and
   * code verifier, so that `getAccessTokenByCode(code)` works without a verifier, as in v2; pass
   * the callback's `state` (`getAccessTokenByCode(code, { state })`) to have it checked. Kept
   * requests expire after ten minutes; at most 32 wait at a time. Caller-chosen `state`, `nonce`
   * or `codeChallenge` are refused, and `responseType` can only be `code`.
   */
  buildAuthorizeUrl(options?: V2AuthorizeParams): Promise<string> {
    return this.#shim.run('buildAuthorizeUrl', 'buildAuthorizeUrl', async () => {
      const { appId, redirectUri, responseType, responseMode, scope, state, nonce, codeChallenge, codeChallengeMethod, service } = options ?? {};
      for (const [field, value] of [['state', state], ['nonce', nonce], ['codeChallenge', codeChallenge], ['codeChallengeMethod', codeChallengeMethod]] as const) {
        if (value !== undefined) throw new ValidationError(`\`${field}\` is generated by the SDK (CSPRNG, PKCE S256) and kept for getAccessTokenByCode: leave it out`, field);
      }
      if (responseType !== undefined && responseType !== 'code') throw new ValidationError('`responseType` can only be `code`: v3 uses the authorization code flow with PKCE', 'responseType');
      if (appId !== undefined && appId !== this.#v3Options.appId) throw new ValidationError("`appId` must be the client's own appId", 'appId');
      const protocol = this.#v3Options.protocol ?? 'oidc';
      const chosenScope = scope ?? (protocol === 'oidc' && this.#v3Options.scope === undefined ? v2OidcScope : undefined);
      const request = await this.#v3.buildAuthorizeUrl({
        ...(chosenScope ? { scope: chosenScope } : {}),
        ...(responseMode ? { responseMode } : {}),
        ...(redirectUri ? { redirectUri } : {}),
        ...(service ? { service } : {}),
      });
      if (request.state && request.codeVerifier) {
        const sentScope = chosenScope ?? this.#v3Options.scope ?? '';
        this.#authorizations.keep({
          state: request.state,
          nonce: request.nonce,
          codeVerifier: request.codeVerifier,
          redirectUri: redirectUri ?? this.#v3Options.redirectUri,
          openid: protocol === 'oidc' && (sentScope === '' || sentScope.split(' ').includes('openid')),
          createdAt: Date.now(),
        });
      }
      return request.url;
    });
  }

  /**
   * Exchanges an authorization code for tokens (OIDC/OAuth), validating the ID token. Without a
   * `codeVerifier` it uses the request `buildAuthorizeUrl` kept: the one with `state` when given
   * (an unknown state is refused: the callback is not ours), else the newest. An explicit
   * `codeVerifier` (from v3's `buildAuthorizeUrl`) works as in v2.
   */
  getAccessTokenByCode(code: string, options?: { codeVerifier?: string; state?: string; redirectUri?: string }): Promise<TokenSet> {
    return this.#shim.run('getAccessTokenByCode', 'getAccessTokenByCode', async () => {
      this.#requireString('code', code);
      const { codeVerifier: explicit, state, redirectUri } = options ?? {};
      const kept = state !== undefined ? this.#authorizations.take(state) : explicit ? undefined : this.#authorizations.takeLatest();
      if (state !== undefined && !kept) throw new ValidationError('`state` matches no authorization request of this client (unknown, used or expired)', 'state');
      const verifier = explicit ?? kept?.codeVerifier;
      if (!verifier) throw new ValidationError('no code verifier: call buildAuthorizeUrl() first, or pass { codeVerifier }', 'codeVerifier');
      const sentRedirect = redirectUri ?? kept?.redirectUri;
      const tokens = await this.#v3.getAccessTokenByCode(code, {
        codeVerifier: verifier,
        ...(sentRedirect ? { redirectUri: sentRedirect } : {}),
        ...(kept?.nonce && kept.openid ? { nonce: kept.nonce } : {}),
        ...(kept?.openid ? { requireIdToken: true } : {}),
      });
      if (tokens.refresh_token) this.#refreshToken = tokens.refresh_token;
      return tokens;
    });
  }

  /** A PKCE code verifier (43 characters from WebCrypto's CSPRNG), for apps that build their own authorization URL. */
  generateCodeChallenge(): string {
    this.#shim.warn('generateCodeChallenge', 'AuthenticationClient.buildAuthorizeUrl() from @authing/authentication, which does PKCE (S256) itself');
    return codeVerifier();
  }

  /**
   * The challenge of a verifier. Unlike v2 it **resolves a Promise** (WebCrypto's digest is
   * asynchronous); `plain` returns the verifier as it is, as v2.
   */
  getCodeChallengeDigest(options: { codeChallenge: string; method?: 'S256' | 'plain' }): Promise<string> {
    return this.#shim.run('getCodeChallengeDigest', 'AuthenticationClient.buildAuthorizeUrl() from @authing/authentication, which does PKCE (S256) itself', async () => {
      this.#requireString('codeChallenge', options?.codeChallenge);
      const method = options.method ?? 'S256';
      if (method === 'plain') return options.codeChallenge;
      if (method !== 'S256') throw new ValidationError('`method` must be S256 or plain', 'method');
      return s256Challenge(options.codeChallenge);
    });
  }

  /**
   * A machine-to-machine token (`client_credentials`) for `scope`. With `{ accessKey,
   * accessSecret }` (a programmatic access account, as in v2) they authenticate instead of the
   * app's own id and secret.
   */
  getAccessTokenByClientCredentials(scope: string, options?: { accessKey: string; accessSecret: string }): Promise<TokenSet> {
    return this.#shim.run('getAccessTokenByClientCredentials', 'getAccessTokenByClientCredentials', async () => {
      this.#requireString('scope', scope);
      if (options) {
        this.#requireString('accessKey', options.accessKey);
        this.#requireString('accessSecret', options.accessSecret);
      }
      const client = options ? this.#otherClient({ ...secretPost, appId: options.accessKey, appSecret: options.accessSecret }) : this.#protocolClient();
      return client.getAccessTokenByClientCredentials({ scope });
    });
  }

  /**
   * The user's claims from the userinfo endpoint. The token always goes in the `Authorization`
   * header: v2's default `tokenPlace: 'query'` (and `'body'`) is refused, since a token in a URL
   * ends up in logs.
   */
  getUserInfoByAccessToken(accessToken: string, options?: { method?: 'GET' | 'POST'; tokenPlace?: 'query' | 'header' | 'body' }): Promise<UserInfo> {
    return this.#shim.run('getUserInfoByAccessToken', 'getUserInfoByAccessToken', async () => {
      if (options?.tokenPlace !== undefined && options.tokenPlace !== 'header') {
        throw new ValidationError('`tokenPlace` can only be `header`: v3 never sends a token in a query string or body', 'tokenPlace');
      }
      return this.#v3.getUserInfoByAccessToken(accessToken);
    });
  }

  /**
   * The logout URL of the app's protocol: OIDC end-session (with `id_token_hint` and
   * `post_logout_redirect_uri`), CAS logout, or Authing's logout page for OAuth. Unlike v2 it
   * **resolves a Promise** (OIDC reads the end-session endpoint from discovery), and OIDC apps
   * always get end-session, `expert` or not.
   */
  buildLogoutUrl(options?: V2LogoutParams): Promise<string> {
    return this.#shim.run('buildLogoutUrl', 'buildLogoutUrl', async () => {
      const { redirectUri, idToken, state } = options ?? {};
      return this.#v3.buildLogoutUrl({ ...(redirectUri ? { redirectUri } : {}), ...(idToken ? { idToken } : {}), ...(state ? { state } : {}) });
    });
  }

  /** Uses a refresh token; the new tokens are not made the client's (as v2). */
  getNewAccessTokenByRefreshToken(refreshToken: string): Promise<TokenSet> {
    return this.#shim.run('getNewAccessTokenByRefreshToken', 'getNewAccessTokenByRefreshToken', async () => this.#v3.getNewAccessTokenByRefreshToken(refreshToken));
  }

  /** RFC 7009 revocation; resolves `true`. */
  revokeToken(token: string): Promise<true> {
    return this.#shim.run('revokeToken', 'revokeToken', async () => this.#v3.revokeToken(token));
  }

  /** RFC 7662 introspection: `{ active, sub, exp, … }`, `{ active: false }` for a dead token. */
  introspectToken(token: string): Promise<Introspection> {
    return this.#shim.run('introspectToken', 'introspectToken', async () => this.#v3.introspectToken(token));
  }

  /** CAS 1.0 ticket validation, in v2's `{ valid, username?, message? }`. */
  validateTicketV1(ticket: string, service: string): Promise<V2TicketV1Result> {
    return this.#shim.run('validateTicketV1', 'validateTicketV1', async () => {
      const { valid, user, message } = await this.#v3.validateTicketV1(ticket, service);
      return { valid, ...(user ? { username: user } : {}), ...(message ? { message } : {}) };
    });
  }

  /**
   * CAS 2.0 ticket validation, in v2's JSON bodies: `{ serviceResponse: { authenticationSuccess:
   * { user, attributes } } }` or `{ authenticationFailure: { code, description } }`. With
   * `format: 'XML'` v2 returned the XML text; here the XML is parsed into the same objects.
   */
  validateTicketV2(ticket: string, service: string, format: 'XML' | 'JSON' = 'JSON'): Promise<V2Cas20ValidationSuccessResult | V2Cas20ValidationFailureResult> {
    return this.#shim.run('validateTicketV2', 'validateTicketV2', async () => {
      const result = await this.#v3.validateTicketV2(ticket, service, format);
      if (result.valid && result.user !== undefined) {
        return { serviceResponse: { authenticationSuccess: { user: result.user, attributes: { ...(result.attributes ?? {}) } } } };
      }
      const code = result.code ?? 'INVALID_TICKET';
      // v3's message is prefixed with the code ("CAS INVALID_TICKET: …"); v2 gave the server's description alone.
      return { authenticationFailure: { code, description: (result.message ?? 'the ticket is not valid').replace(`CAS ${code}: `, '') } };
    });
  }

  /**
   * Validates `{ idToken }` or `{ accessToken }` (one of them) and resolves its claims. v2 asked
   * the server (`/api/v2/oidc/validate_token`); v3 validates offline, fully (signature with the
   * JWKS, iss, aud, exp), and throws when the token is not valid.
   */
  validateToken(options: { accessToken?: string; idToken?: string }): Promise<Claims> {
    return this.#shim.run('validateToken', 'AuthenticationClient.verifyIdToken() or verifyAccessToken() from @authing/authentication', async () => {
      const { accessToken, idToken } = options ?? {};
      if ((accessToken === undefined) === (idToken === undefined)) throw new ValidationError('pass exactly one of `accessToken` and `idToken`', accessToken === undefined ? 'idToken' : 'accessToken');
      return idToken !== undefined ? this.#v3.verifyIdToken(idToken) : this.#v3.verifyAccessToken(accessToken!);
    });
  }

  /** v2 read the SSO session from a cross-site cookie at `/cas/session`; v3 has no session endpoint. */
  trackSession(): Promise<never> {
    return this.#shim.unsupported(
      'trackSession',
      'v3 has no endpoint that reads the SSO session cookie; check a session with buildAuthorizeUrl() and prompt=none, or checkLoginStatus(token)',
    );
  }

  /**
   * Validates an ID or access token offline and resolves its claims. v2 checked the signature
   * only; v3's `verifyAccessToken` also checks iss, aud and exp (an ID token passes too).
   */
  validateTokenLocally(token: string): Promise<Claims> {
    return this.#shim.run('validateTokenLocally', 'verifyAccessToken', async () => this.#v3.verifyAccessToken(token));
  }

  /** v2 decrypted JWE tokens with the app's private keys; v3 has no token decryption. */
  decryptTokenLocally(_token: string): Promise<never> {
    return this.#shim.unsupported(
      'decryptTokenLocally',
      "v3 does not decrypt encrypted (JWE) tokens; turn Authing's token encryption off and validate the JWTs with verifyIdToken() or verifyAccessToken()",
    );
  }

  /** Sets the language of the server's messages (v3: the `lang` option; the client is rebuilt with it). */
  setLang(lang: Lang): void {
    this.#shim.warn('setLang', 'the `lang` option of the v3 AuthenticationClient');
    try {
      const rebuilt = new V3AuthenticationClient({ ...this.#v3Options, lang, accessToken: this.#store.token() });
      this.#v3Options.lang = lang;
      this.#v3 = rebuilt;
      this.#protocolOnly = undefined;
    } catch (error) {
      this.#fail(error);
    }
  }
}
