import type { ClientOptions, Lang } from '@authing/core';
import { AuthenticationClient as V3AuthenticationClient, type EndpointAuthMethod, type LoginTokenResponseDataDto } from '@authing/authentication';
import { reported, toV2Error } from '../errors.ts';
import { passwordPayload } from '../password.ts';
import { toV2User, type V2User } from '../shapes/user.ts';
import { Shim, type ShimOptions } from '../shim.ts';
import { createTokenStore, type TokenStore } from './token-store.ts';

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
  protocol?: 'oidc' | 'oauth' | 'cas' | 'saml';
  redirectUri?: string;
  logoutRedirectUri?: string;
  scope?: string;
  tokenEndPointAuthMethod?: EndpointAuthMethod;
  introspectionEndPointAuthMethod?: EndpointAuthMethod;
  revocationEndPointAuthMethod?: EndpointAuthMethod;
}

/**
 * v2's `AuthenticationClient`, over `@authing/authentication` (and `@authing/protocols` for the
 * protocol helpers): the same methods, v2 user objects, v2 errors, and the signed-in user kept as
 * v2 kept it (`localStorage` in browsers, memory elsewhere).
 */
export class AuthenticationClient {
  readonly #v3: V3AuthenticationClient<true>;
  readonly #shim: Shim;
  readonly #store: TokenStore;
  readonly #userPoolId: string;
  readonly #encPublicKey: string | undefined;

  constructor(options: AuthenticationClientOptions) {
    const { userPoolId, secret, token, encPublicKey, onError, deprecationWarnings, ...rest } = options ?? ({} as AuthenticationClientOptions);
    try {
      // v2 apps in browsers had no secret; v3 then needs the endpoint auth methods to say `none`.
      const auth = secret ? {} : { tokenEndPointAuthMethod: 'none', introspectionEndPointAuthMethod: 'none', revocationEndPointAuthMethod: 'none' } as const;
      this.#v3 = new V3AuthenticationClient({ ...auth, ...rest, appSecret: secret, accessToken: token, throwOnError: true });
    } catch (error) {
      throw reported(toV2Error(error), onError);
    }
    this.#shim = new Shim({ onError, deprecationWarnings }, 'AuthenticationClient');
    this.#store = createTokenStore();
    this.#userPoolId = userPoolId ?? '';
    this.#encPublicKey = encPublicKey;
    if (token !== undefined) this.#store.save(token);
    else if (this.#store.token()) this.#v3.setAccessToken(this.#store.token());
  }

  /** Keeps the tokens of a sign-in, then reads the profile as v2's login result. */
  async #signedIn(tokens: LoginTokenResponseDataDto): Promise<V2User> {
    const token = tokens.access_token ?? tokens.id_token;
    this.#v3.setAccessToken(token);
    const profile = await this.#v3.getProfile();
    const tokenExpiredAt = new Date(Date.now() + tokens.expire_in * 1000).toISOString();
    const user = toV2User(profile, this.#userPoolId, { token, tokenExpiredAt });
    this.#store.save(token, user);
    return user;
  }

  /** Signs in with username and password; resolves the user, whose `token` is now the client's. */
  loginByUsername(username: string, password: string, _options?: { autoRegister?: boolean; captchaCode?: string; clientIp?: string }): Promise<V2User> {
    return this.#shim.run('loginByUsername', 'signInByUsernamePassword', async () => {
      const { password: sent, passwordEncryptType } = await passwordPayload(password, this.#encPublicKey);
      return this.#signedIn(await this.#v3.signInByUsernamePassword({ username, password: sent, options: { passwordEncryptType } }));
    });
  }

  /** The signed-in user, fresh from the server; `null` when nobody is signed in (as v2). */
  getCurrentUser(): Promise<V2User | null> {
    return this.#shim.run('getCurrentUser', 'getProfile', async () => {
      const token = this.#store.token();
      if (!token) return null;
      const user = toV2User(await this.#v3.getProfile(), this.#userPoolId, { token, tokenExpiredAt: this.#store.user()?.tokenExpiredAt ?? undefined });
      this.#store.save(token, user);
      return user;
    });
  }

  /** Updates the signed-in user's profile (`nickname`, `photo`, …) and resolves the updated user. */
  updateProfile(updates: Partial<Pick<V2User, 'nickname' | 'photo' | 'name' | 'givenName' | 'familyName' | 'middleName' | 'profile' | 'preferredUsername' | 'website' | 'gender' | 'birthdate' | 'zoneinfo' | 'locale' | 'address' | 'formatted' | 'streetAddress' | 'region' | 'postalCode' | 'city' | 'province' | 'country' | 'company' | 'username' | 'externalId'>>): Promise<V2User> {
    return this.#shim.run('updateProfile', 'updateProfile', async () => {
      const body = Object.fromEntries(Object.entries(updates ?? {}).filter(([, value]) => value !== null && value !== undefined));
      const updated = await this.#v3.updateProfile(body as Parameters<V3AuthenticationClient<true>['updateProfile']>[0]);
      const token = this.#store.token();
      const user = toV2User(updated, this.#userPoolId, { token, tokenExpiredAt: this.#store.user()?.tokenExpiredAt ?? undefined });
      this.#store.save(token, user);
      return user;
    });
  }

  /** Sets the signed-in user's token, as v2's `setToken`. */
  setToken(token: string): void {
    this.#shim.warn('setToken', 'setAccessToken');
    this.#v3.setAccessToken(token);
    this.#store.save(token);
  }
}
