import type { UserDto } from '@authing/management';
import { userArn } from './arn.ts';
import { or } from './nullable.ts';
import type { V2UdfDataType } from './udf.ts';

/**
 * A user as v2 returned it (v2's GraphQL `User`), in v2's field order. Fields v3 no longer has
 * are `null`. v2's `roles`, `groups`, `departments` and `authorizedResources` are left out: v2
 * fetched them lazily, through `users.listRoles`, `listGroups`, `listDepartment` and
 * `listAuthorizedResources`, and so does this package.
 */
export interface V2User {
  id: string;
  arn: string;
  status: string | null;
  userPoolId: string;
  username: string | null;
  email: string | null;
  emailVerified: boolean | null;
  phone: string | null;
  phoneVerified: boolean | null;
  unionid: string | null;
  openid: string | null;
  identities: V2Identity[] | null;
  nickname: string | null;
  registerSource: string[] | null;
  photo: string | null;
  /** Never returned: v2 returned the hash, v3 returns nothing. */
  password: null;
  oauth: string | null;
  /** The user's token after a sign-in through the v2 AuthenticationClient; else `null`. */
  token: string | null;
  tokenExpiredAt: string | null;
  loginsCount: number | null;
  lastLogin: string | null;
  lastIP: string | null;
  signedUp: string | null;
  blocked: boolean | null;
  isDeleted: boolean | null;
  device: string | null;
  browser: string | null;
  company: string | null;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  middleName: string | null;
  profile: string | null;
  preferredUsername: string | null;
  website: string | null;
  gender: string | null;
  birthdate: string | null;
  zoneinfo: string | null;
  locale: string | null;
  address: string | null;
  formatted: string | null;
  streetAddress: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  externalId: string | null;
  /**
   * The custom data as v2's SDK handed it over when asked (`withCustomData: true`): an object of
   * `key: value`, values typed. `null` when the call did not ask for it, as in v2.
   */
  customData: V2CustomData | null;
}

/** Custom data, `{ key: value }`, as v2's `convertUdvToKeyValuePair` and v3 both give it. */
export type V2CustomData = Record<string, unknown>;

/**
 * One custom data item as v2's GraphQL `UserCustomData` listed it. v2's SDK turned these lists into
 * a `V2CustomData` object before returning; kept for code that typed the raw list.
 */
export interface V2CustomDataItem {
  key: string;
  value: unknown;
  dataType: V2UdfDataType;
}

/** One external identity of a user, in v2's fields. */
export interface V2Identity {
  openid: string | null;
  userIdInIdp: string | null;
  userId: string;
  connectionId: string | null;
  isSocial: boolean | null;
  provider: string | null;
  userPoolId: string;
  refreshToken: string | null;
  accessToken: string | null;
}

/** The v3 user fields the mapping reads; management and authentication users both have them. */
export type V3User = Partial<Omit<UserDto, 'userId'>> & { userId: string };

// Enterprise connections; every other provider is a social login (wechat, github, …).
const enterpriseProviders = new Set(['oidc', 'oauth2', 'saml', 'ldap', 'ad', 'cas', 'azure-ad']);

/** A v3 user in v2's shape. `userPoolId` comes from the client: v3 users do not carry it. */
export function toV2User(user: V3User, userPoolId: string, token: { token?: string; tokenExpiredAt?: string } = {}): V2User {
  return {
    id: user.userId,
    arn: userArn(userPoolId, user.userId),
    status: or(user.status),
    userPoolId,
    username: or(user.username),
    email: or(user.email),
    emailVerified: or(user.emailVerified),
    phone: or(user.phone),
    phoneVerified: or(user.phoneVerified),
    unionid: null,
    openid: null,
    identities:
      user.identities?.map((identity) => ({
        openid: null,
        userIdInIdp: or(identity.userIdInIdp),
        userId: user.userId,
        connectionId: or(identity.originConnIds?.[0]),
        isSocial: identity.provider === undefined ? null : !enterpriseProviders.has(identity.provider),
        provider: or(identity.provider),
        userPoolId,
        refreshToken: or(identity.refreshToken),
        accessToken: or(identity.accessToken),
      })) ?? null,
    nickname: or(user.nickname),
    registerSource: or(user.registerSource),
    photo: or(user.photo),
    password: null,
    oauth: null,
    token: token.token ?? null,
    tokenExpiredAt: token.tokenExpiredAt ?? null,
    loginsCount: or(user.loginsCount),
    lastLogin: or(user.lastLogin),
    lastIP: or(user.lastIp),
    signedUp: or(user.createdAt),
    blocked: user.status === undefined ? null : user.status === 'Suspended',
    isDeleted: false,
    device: or(user.device),
    browser: or(user.browser),
    company: or(user.company),
    name: or(user.name),
    givenName: or(user.givenName),
    familyName: or(user.familyName),
    middleName: or(user.middleName),
    profile: or(user.profile),
    preferredUsername: or(user.preferredUsername),
    website: or(user.website),
    gender: or(user.gender),
    birthdate: or(user.birthdate),
    zoneinfo: or(user.zoneinfo),
    locale: or(user.locale),
    address: or(user.address),
    formatted: or(user.formatted),
    streetAddress: or(user.streetAddress),
    locality: null,
    region: or(user.region),
    postalCode: or(user.postalCode),
    city: or(user.city),
    province: or(user.province),
    country: or(user.country),
    createdAt: or(user.createdAt),
    updatedAt: or(user.updatedAt),
    externalId: or(user.externalId),
    customData: user.customData === undefined ? null : { ...user.customData },
  };
}
