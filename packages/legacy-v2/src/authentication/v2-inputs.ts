import { ValidationError } from '@authing/core';
import type { SignInOptionsDto, SignUpOptionsDto, SignUpProfileDto, UpdateUserProfileDto } from '@authing/authentication';
import { paramsToCustomData } from './custom-data.ts';

// v2's sign-in, sign-up and profile arguments, and how they become v3's request fields. A v2
// field v3 has no place for is refused before anything is sent, naming the field and where it
// went, rather than dropped.

type EncryptType = 'none' | 'rsa' | 'sm2';

/** The options of v2's `loginBy*` methods. */
export interface V2LoginOptions {
  autoRegister?: boolean;
  captchaCode?: string;
  /** The end user's IP when signing in from a server. */
  clientIp?: string;
  /** @deprecated v2's older form of `customData`: `[{ key, value }]`. */
  params?: Array<{ key: string; value: unknown }>;
  /** Custom data written to the user (v3 `options.customData`). */
  customData?: Record<string, unknown>;
  /** Passed to the pipeline (v3 `options.context`). */
  context?: Record<string, unknown>;
  /** Not in v2: v3's sign-in scope. Include `offline_access` to get a refresh token for `refreshToken()`. */
  scope?: string;
}

/** v2's `RegisterProfile`. */
export interface V2RegisterProfile {
  /** The registering user's IP: sent as v3's `clientIp`. */
  ip?: string;
  oauth?: string;
  nickname?: string;
  company?: string;
  photo?: string;
  device?: string;
  browser?: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  middleName?: string;
  profile?: string;
  preferredUsername?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  address?: string;
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  country?: string;
}

/** The options of v2's `registerBy*` methods. */
export interface V2RegisterOptions {
  /** Sign the new user in (v3: a sign-in after the sign-up), so that the result carries a token. */
  forceLogin?: boolean;
  /** The same as `forceLogin` here: v3's sign-up returns no token, so both sign in. */
  generateToken?: boolean;
  clientIp?: string;
  /** @deprecated v2's older form of `customData`. */
  params?: Array<{ key: string; value: unknown }>;
  customData?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** The fields of v2's `UpdateUserInput`, as `updateProfile` takes them. */
export type V2ProfileField =
  | 'username' | 'nickname' | 'photo' | 'company' | 'browser' | 'device' | 'lastIP' | 'name' | 'givenName' | 'familyName' | 'middleName'
  | 'profile' | 'preferredUsername' | 'website' | 'gender' | 'birthdate' | 'zoneinfo' | 'locale' | 'address' | 'formatted' | 'streetAddress'
  | 'locality' | 'region' | 'postalCode' | 'city' | 'province' | 'country' | 'externalId';

/** v2's `UpdateUserInput`; `null` and absent fields are left as they are. `password` is ignored, as v2 ignored it: use `updatePassword`. */
export type V2UpdateProfileInput = { [Field in V2ProfileField | 'password']?: string | null };

function gender(value: string | null | undefined, field: string): 'M' | 'F' | 'U' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'M' || value === 'F' || value === 'U') return value;
  throw new ValidationError(`invalid \`${field}\`: v3 takes M, F or U`, field);
}

function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

function refuse(fields: string[], what: string, instead: string): void {
  if (fields.length > 0) {
    throw new ValidationError(`${what} has no place for ${fields.map((field) => `\`${field}\``).join(', ')}: ${instead}`, fields[0]);
  }
}

/** v2's sign-in options as v3's `SignInOptionsDto`. */
export function signInOptions(options: V2LoginOptions | undefined, passwordEncryptType?: EncryptType): SignInOptionsDto | undefined {
  const { autoRegister, captchaCode, clientIp, params, customData, context, scope } = options ?? {};
  const built = defined({
    autoRegister: autoRegister || undefined,
    captchaCode,
    clientIp,
    customData: customData ?? paramsToCustomData(params),
    context,
    scope,
    passwordEncryptType: passwordEncryptType === 'none' ? undefined : passwordEncryptType,
  }) as SignInOptionsDto;
  return Object.keys(built).length > 0 ? built : undefined;
}

const signUpProfileFields: ReadonlySet<string> = new Set([
  'nickname', 'company', 'photo', 'device', 'browser', 'name', 'givenName', 'familyName', 'middleName', 'profile', 'preferredUsername',
  'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'address', 'formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country',
]);

/** v2's register profile and options as v3's sign-up `profile` and `options`. */
export function signUpFields(
  profile: V2RegisterProfile | undefined,
  options: V2RegisterOptions | undefined,
  passwordEncryptType?: EncryptType,
): { profile?: SignUpProfileDto; options?: SignUpOptionsDto } {
  const { ip, ...rest } = defined(profile ?? {});
  refuse(
    Object.keys(rest).filter((field) => !signUpProfileFields.has(field)),
    "v3's sign-up profile",
    'set them after sign-in with updateProfile (city, province) or ManagementClient.updateUser',
  );
  const customData = options?.customData ?? paramsToCustomData(options?.params);
  const built = { ...rest, gender: gender(rest.gender, 'profile.gender'), ...(customData ? { customData } : {}) } as SignUpProfileDto;
  const clientIp = options?.clientIp ?? ip;
  const encrypted = passwordEncryptType && passwordEncryptType !== 'none' ? passwordEncryptType : undefined;
  const signUpOptions = clientIp || options?.context || encrypted ? ({ context: options?.context ?? {}, ...defined({ clientIp, passwordEncryptType: encrypted }) } as SignUpOptionsDto) : undefined;
  const cleanProfile = defined(built) as SignUpProfileDto;
  return { ...(Object.keys(cleanProfile).length > 0 ? { profile: cleanProfile } : {}), ...(signUpOptions ? { options: signUpOptions } : {}) };
}

const updatableFields: ReadonlySet<string> = new Set([
  'name', 'nickname', 'photo', 'externalId', 'birthdate', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode', 'gender', 'username', 'company',
]);

/** v2's `updateProfile` argument as v3's `UpdateUserProfileDto`; `password` is dropped, as v2 dropped it. */
export function profileUpdate(updates: V2UpdateProfileInput | undefined): UpdateUserProfileDto {
  const { password: _password, ...rest } = defined(updates ?? {});
  refuse(
    Object.keys(rest).filter((field) => !updatableFields.has(field)),
    "v3's update-profile",
    'a user cannot change them about themselves in v3; an administrator can, with ManagementClient.updateUser',
  );
  return defined({ ...rest, gender: gender(rest.gender, 'gender') }) as UpdateUserProfileDto;
}
