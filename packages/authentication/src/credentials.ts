import { ValidationError, format, type CallOptions, type Envelope, type Method, type Outcome } from '@authing/core';
import type { AuthenticationClientHandle } from './client.ts';
import type {
  LoginTokenResponseDataDto,
  SignInOptionsDto,
  SigninByCredentialsDto,
  SignUpDto,
  SignUpOptionsDto,
  SignUpProfileDto,
  UserDto,
} from './generated/models.ts';
import { signInByCredentials } from './resources/login.ts';
import { signUp } from './resources/signup.ts';

/** A sign-in or sign-up helper: `signInByEmailPassword(client, { email, password })`. */
export interface CredentialHelper<Params, Data> {
  <T extends boolean>(client: AuthenticationClientHandle<T>, params: Params, options?: CallOptions & { throwOnError?: undefined }): Promise<Outcome<T, Data>>;
  (client: AuthenticationClientHandle, params: Params, options: CallOptions & { throwOnError: true }): Promise<Data>;
  (client: AuthenticationClientHandle, params: Params, options: CallOptions & { throwOnError: false }): Promise<Envelope<Data>>;
}

/** The same helper as an `AuthenticationClient` method. */
export type CredentialMethod<T extends boolean, Params, Data> = Method<T, Params, Data>;

/** Parameters of a sign-in helper: the credentials plus the sign-in options. */
export type SignIn<Payload> = Payload & { options?: SignInOptionsDto };
/** Parameters of a sign-up helper: the credentials plus the profile and sign-up options. */
export type SignUp<Payload> = Payload & { profile?: SignUpProfileDto; options?: SignUpOptionsDto };

// With client_secret_post the sign-in endpoint expects the app's credentials in the
// body; with client_secret_basic the authenticator sends them in the header instead.
function withClientCredentials(client: AuthenticationClientHandle, body: SigninByCredentialsDto): SigninByCredentialsDto {
  const { app } = client;
  if (app.tokenEndPointAuthMethod !== 'client_secret_post') return body;
  return { ...body, client_id: app.appId, ...(app.appSecret ? { client_secret: app.appSecret } : {}) };
}

// The generated operations check only top-level fields; the credentials sit one
// level down, so the helpers check them before anything is sent.
function requireFields(client: AuthenticationClientHandle, operation: string, params: unknown, fields: readonly string[]): void {
  for (const field of fields) {
    const value = (params as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== 'string' || value === '') {
      throw new ValidationError(format(client.messages, 'required', { operation, field }), field);
    }
  }
}

function signInWith<Params extends { options?: SignInOptionsDto }>(
  name: string,
  required: readonly string[],
  build: (params: Params) => Omit<SigninByCredentialsDto, 'options' | 'client_id' | 'client_secret'>,
): CredentialHelper<Params, LoginTokenResponseDataDto> {
  const helper = async (client: AuthenticationClientHandle, params: Params, options?: CallOptions) => {
    requireFields(client, name, params, required);
    const body = withClientCredentials(client, { ...build(params), ...(params.options ? { options: params.options } : {}) });
    return signInByCredentials(client, body, options as never);
  };
  return helper as CredentialHelper<Params, LoginTokenResponseDataDto>;
}

function signUpWith<Params extends { profile?: SignUpProfileDto; options?: SignUpOptionsDto }>(
  name: string,
  required: readonly string[],
  build: (params: Params) => Omit<SignUpDto, 'profile' | 'options'>,
): CredentialHelper<Params, UserDto> {
  const helper = async (client: AuthenticationClientHandle, params: Params, options?: CallOptions) => {
    requireFields(client, name, params, required);
    const { profile, options: signUpOptions } = params;
    return signUp(client, { ...build(params), ...(profile ? { profile } : {}), ...(signUpOptions ? { options: signUpOptions } : {}) }, options as never);
  };
  return helper as CredentialHelper<Params, UserDto>;
}

/** Signs in with email and password (`POST /api/v3/signin`, connection `PASSWORD`). */
export const signInByEmailPassword: CredentialHelper<SignIn<{ email: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByEmailPassword', ['email', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { email: p.email, password: p.password } }));

/** Signs in with username and password. */
export const signInByUsernamePassword: CredentialHelper<SignIn<{ username: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByUsernamePassword', ['username', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { username: p.username, password: p.password } }));

/** Signs in with phone number and password. */
export const signInByPhonePassword: CredentialHelper<SignIn<{ phone: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByPhonePassword', ['phone', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { phone: p.phone, password: p.password } }));

/** Signs in with any account identifier (username, email or phone) and password. */
export const signInByAccountPassword: CredentialHelper<SignIn<{ account: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByAccountPassword', ['account', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { account: p.account, password: p.password } }));

/** Signs in with an email passcode (connection `PASSCODE`). */
export const signInByEmailPassCode: CredentialHelper<SignIn<{ email: string; passCode: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByEmailPassCode', ['email', 'passCode'], (p) => ({ connection: 'PASSCODE', passCodePayload: { email: p.email, passCode: p.passCode } }));

/** Signs in with an SMS passcode. */
export const signInByPhonePassCode: CredentialHelper<SignIn<{ phone: string; passCode: string; phoneCountryCode?: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByPhonePassCode', ['phone', 'passCode'], (p) => ({
    connection: 'PASSCODE',
    passCodePayload: { phone: p.phone, passCode: p.passCode, ...(p.phoneCountryCode ? { phoneCountryCode: p.phoneCountryCode } : {}) },
  }));

/** Signs in against a Windows AD directory (connection `AD`). */
export const signInByAD: CredentialHelper<SignIn<{ sAMAccountName: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByAD', ['sAMAccountName', 'password'], (p) => ({ connection: 'AD', adPayload: { sAMAccountName: p.sAMAccountName, password: p.password } }));

/** Signs in against an LDAP directory (connection `LDAP`). */
export const signInByLDAP: CredentialHelper<SignIn<{ sAMAccountName: string; password: string }>, LoginTokenResponseDataDto> =
  signInWith('signInByLDAP', ['sAMAccountName', 'password'], (p) => ({ connection: 'LDAP', ldapPayload: { sAMAccountName: p.sAMAccountName, password: p.password } }));

/** Signs up with email and password (`POST /api/v3/signup`). */
export const signUpByEmailPassword: CredentialHelper<SignUp<{ email: string; password: string }>, UserDto> =
  signUpWith('signUpByEmailPassword', ['email', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { email: p.email, password: p.password } }));

/** Signs up with username and password. */
export const signUpByUsernamePassword: CredentialHelper<SignUp<{ username: string; password: string }>, UserDto> =
  signUpWith('signUpByUsernamePassword', ['username', 'password'], (p) => ({ connection: 'PASSWORD', passwordPayload: { username: p.username, password: p.password } }));

/** Signs up with an email passcode. */
export const signUpByEmailCode: CredentialHelper<SignUp<{ email: string; passCode: string }>, UserDto> =
  signUpWith('signUpByEmailCode', ['email', 'passCode'], (p) => ({ connection: 'PASSCODE', passCodePayload: { email: p.email, passCode: p.passCode } }));

/** Signs up with an SMS passcode. */
export const signUpByPhoneCode: CredentialHelper<SignUp<{ phone: string; passCode: string; phoneCountryCode?: string }>, UserDto> =
  signUpWith('signUpByPhoneCode', ['phone', 'passCode'], (p) => ({
    connection: 'PASSCODE',
    passCodePayload: { phone: p.phone, passCode: p.passCode, ...(p.phoneCountryCode ? { phoneCountryCode: p.phoneCountryCode } : {}) },
  }));
