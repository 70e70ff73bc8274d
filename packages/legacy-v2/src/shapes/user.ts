import type { UserDepartmentRespDto, UserDto } from '@authing/management';
import { nameI18nOf, type V2Node } from './org.ts';

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
  dataType: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATETIME' | 'OBJECT';
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

function or<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** v2 user ARNs: `arn:cn:authing:{userPoolId}:user:{id}`. */
export function userArn(userPoolId: string, userId: string): string {
  return `arn:cn:authing:${userPoolId}:user:${userId}`;
}

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

/**
 * A department of a user (v2's GraphQL `Node`, without the lazily fetched `users` and
 * `authorizedResources`). The same fields as `org`'s nodes, except `children`: v3 does not list a
 * department's children with a user's departments, so it is `null`.
 */
export type V2UserDepartmentNode = Omit<V2Node, 'children'> & { children: null };

/** One of a user's departments, as v2's `users.listDepartment` listed it (v2's `UserDepartment`). */
export interface V2UserDepartment {
  department: V2UserDepartmentNode;
  isMainDepartment: boolean;
  joinedAt: string | null;
}

/** A v3 department of a user (read with `withDepartmentPaths: true`) in v2's shape. */
export function toV2UserDepartment(department: UserDepartmentRespDto): V2UserDepartment {
  const path = department.departmentIdPath ?? [department.departmentId];
  return {
    department: {
      id: department.departmentId,
      orgId: department.organizationCode,
      name: department.name,
      nameI18n: nameI18nOf(department.i18n),
      description: department.description || null,
      descriptionI18n: null,
      order: null,
      code: department.code || null,
      root: department.isRoot,
      depth: path.length - 1,
      path,
      codePath: (department.departmentCodePath ?? [department.code]).map((code) => code || null),
      namePath: department.departmentNamePath ?? [department.name],
      createdAt: or(department.createdAt),
      updatedAt: null,
      children: null,
    },
    isMainDepartment: department.isMainDepartment,
    joinedAt: or(department.joinedAt),
  };
}

/** The organization at the head of a `users.listOrgs` path. */
export interface V2OrgPathOrg {
  type: 'org';
  /** The organization code: v3 names organizations by code. */
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  userPoolId: string;
  rootNodeId: string | null;
  logo: string | null;
}

/** A department on a `users.listOrgs` path, from the root down to the user's department. */
export interface V2OrgPathNode {
  type: 'node';
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  userPoolId: string;
  orgId: string;
  name: string;
  nameI18n: string | null;
  description: string | null;
  descriptionI18n: string | null;
  order: number | null;
  code: string | null;
}

/** v2's `UserOrgList`: one path per department of the user, organization first. */
export type V2UserOrgList = [V2OrgPathOrg, ...V2OrgPathNode[]][];

/** The path from an organization to a department of the user (read with `withDepartmentPaths: true`). */
export function toV2OrgPath(department: UserDepartmentRespDto, userPoolId: string): [V2OrgPathOrg, ...V2OrgPathNode[]] {
  const ids = department.departmentIdPath ?? [department.departmentId];
  const codes = department.departmentCodePath ?? [];
  const names = department.departmentNamePath ?? [];
  const last = ids.length - 1;
  const org: V2OrgPathOrg = {
    type: 'org',
    id: department.organizationCode,
    createdAt: null,
    updatedAt: null,
    userPoolId,
    rootNodeId: or(ids[0]),
    logo: null,
  };
  const nodes = ids.map(
    (id, index): V2OrgPathNode => ({
      type: 'node',
      id,
      createdAt: index === last ? or(department.createdAt) : null,
      updatedAt: null,
      userPoolId,
      orgId: department.organizationCode,
      name: names[index] ?? (index === last ? department.name : ''),
      nameI18n: index === last ? nameI18nOf(department.i18n) : null,
      description: index === last ? department.description || null : null,
      descriptionI18n: null,
      order: null,
      code: codes[index] || null,
    }),
  );
  return [org, ...nodes];
}
