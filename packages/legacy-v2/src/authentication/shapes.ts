import type { AccessibleAppsDto, AuthorizedResourceDto, GetSecurityInfoDto, RoleDto, UserDepartmentRespDto } from '@authing/authentication';

// The v2 shapes of what AuthenticationClient returned besides users (graphql.v2.ts and
// authentication/types.ts of authing-js-sdk 4), and their mapping from the v3 answers. Fields v3
// does not have are `null`; GraphQL relations v2 fetched only on request (`users`,
// `authorizedResources`) are left out.

/** v2's `JwtTokenStatus`, the result of `checkLoginStatus`. */
export interface V2JwtTokenStatus {
  /** 200 when signed in; 2020 without a token, 2206 expired, 2207 invalid or revoked. */
  code: number;
  message: string;
  status: boolean;
  exp: number | null;
  iat: number | null;
  data: { id: string | null; userPoolId: string | null; arn: string | null } | null;
}

/** v2's `RefreshToken`, the result of `refreshToken`. */
export interface V2RefreshToken {
  token: string;
  iat: number;
  exp: number;
}

/** v2's `UserDefinedData`: one custom data value, its value JSON-encoded as v2 stored it. */
export interface V2UserDefinedData {
  key: string;
  dataType: 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT';
  value: string;
  label: string | null;
}

/** v2's `Role`. */
export interface V2Role {
  id: string;
  namespace: string;
  code: string;
  arn: string;
  description: string | null;
  isSystem: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
  parent: null;
}

/** v2's `Node`: an organisation node (v3: a department). */
export interface V2Node {
  id: string;
  orgId: string | null;
  name: string;
  nameI18n: string | null;
  description: string | null;
  descriptionI18n: string | null;
  order: number | null;
  code: string | null;
  root: boolean | null;
  depth: number | null;
  path: string[];
  codePath: Array<string | null>;
  namePath: string[];
  createdAt: string | null;
  updatedAt: string | null;
  children: string[] | null;
}

/** v2's `UserDepartment`: a department of the user and how the user belongs to it. */
export interface V2UserDepartment {
  department: V2Node;
  isMainDepartment: boolean;
  joinedAt: string | null;
}

/** One node of a `listOrgs` path (v2's REST org node). */
export interface V2OrgNode {
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  userPoolId: string;
  orgId: string | null;
  name: string;
  nameEn: string | null;
  description: string | null;
  descriptionEn: string | null;
  order: number | null;
  code: string | null;
}

/** v2's `AuthorizedResource`. */
export interface V2AuthorizedResource {
  code: string;
  type: 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON' | null;
  actions: string[];
}

/** v2's `PasswordSecurityLevel`: 1 low, 2 middle, 3 high. */
export type V2PasswordSecurityLevel = 1 | 2 | 3;

/** v2's `SecurityLevel`. */
export interface V2SecurityLevel {
  email: boolean;
  mfa: boolean;
  password: boolean;
  phone: boolean;
  passwordSecurityLevel: V2PasswordSecurityLevel | null;
  score: number;
}

/** v2's `ApplicationPublicDetail`, an app the user may open. */
export interface V2ApplicationPublicDetail {
  id: string;
  createdAt: string | null;
  updatedAt: string | null;
  name: string;
  logo: string | null;
  domain: string | null;
  description: string | null;
  protocol: string | null;
}

/** v2's CAS 1.0 validation result. */
export interface V2TicketV1Result {
  valid: boolean;
  username?: string;
  message?: string;
}

/** v2's CAS 2.0 success body. */
export interface V2Cas20ValidationSuccessResult {
  serviceResponse: { authenticationSuccess: { user: string; attributes: Record<string, unknown> } };
}

/** v2's CAS 2.0 failure body. */
export interface V2Cas20ValidationFailureResult {
  authenticationFailure: { code: string; description: string };
}

/** v2 role ARNs, as users': `arn:cn:authing:{userPoolId}:role:{id}`. */
export function roleArn(userPoolId: string, roleId: string): string {
  return `arn:cn:authing:${userPoolId}:role:${roleId}`;
}

export function toV2Role(role: RoleDto, userPoolId: string): V2Role {
  return {
    id: role.id,
    namespace: role.namespace,
    code: role.code,
    arn: roleArn(userPoolId, role.id),
    description: role.description ?? null,
    isSystem: null,
    createdAt: null,
    updatedAt: null,
    parent: null,
  };
}

/** A v3 department as v2's node; the paths come from v3's `department*Path` when the server sends them. */
export function toV2Node(department: UserDepartmentRespDto): V2Node {
  const names = department.i18n?.name;
  return {
    id: department.departmentId,
    orgId: department.organizationCode ?? null,
    name: department.name,
    nameI18n: names === undefined ? null : JSON.stringify(names),
    description: department.description ?? null,
    descriptionI18n: null,
    order: null,
    code: department.code ?? null,
    root: department.isRoot ?? null,
    depth: department.departmentIdPath ? department.departmentIdPath.length : null,
    path: department.departmentIdPath ?? [department.departmentId],
    codePath: department.departmentCodePath ?? [department.code ?? null],
    namePath: department.departmentNamePath ?? [department.name],
    createdAt: department.createdAt ?? null,
    updatedAt: null,
    children: null,
  };
}

export function toV2UserDepartment(department: UserDepartmentRespDto): V2UserDepartment {
  return { department: toV2Node(department), isMainDepartment: department.isMainDepartment, joinedAt: department.joinedAt ?? null };
}

/**
 * v2's `listOrgs` entry: the path from the organisation's root to the user's department. v3
 * gives the path as ids, codes and names only, so the ancestors carry just those.
 */
export function toV2OrgPath(department: UserDepartmentRespDto, userPoolId: string): V2OrgNode[] {
  const node = (id: string, name: string, code: string | null): V2OrgNode => ({
    id,
    createdAt: null,
    updatedAt: null,
    userPoolId,
    orgId: department.organizationCode ?? null,
    name,
    nameEn: null,
    description: null,
    descriptionEn: null,
    order: null,
    code,
  });
  const ids = department.departmentIdPath ?? [];
  const ancestors = ids
    .filter((id) => id !== department.departmentId)
    .map((id, index) => node(id, department.departmentNamePath?.[index] ?? '', department.departmentCodePath?.[index] ?? null));
  return [...ancestors, { ...node(department.departmentId, department.name, department.code ?? null), createdAt: department.createdAt ?? null, description: department.description ?? null }];
}

const resourceTypes = new Set(['DATA', 'API', 'MENU', 'UI', 'BUTTON']);

export function toV2AuthorizedResource(resource: AuthorizedResourceDto): V2AuthorizedResource {
  const type = resourceTypes.has(resource.resourceType) ? resource.resourceType : null;
  return { code: resource.resourceCode, type, actions: resource.actions ?? [] };
}

function passwordLevel(level: number | undefined): V2PasswordSecurityLevel | null {
  return level === 1 || level === 2 || level === 3 ? level : null;
}

export function toV2SecurityLevel(info: GetSecurityInfoDto): V2SecurityLevel {
  return {
    email: info.emailBinded,
    mfa: info.mfaEnrolled,
    password: info.passwordSet,
    phone: info.phoneBinded,
    passwordSecurityLevel: passwordLevel(info.passwordSecurityLevel),
    score: info.securityScore,
  };
}

export function toV2Application(app: AccessibleAppsDto): V2ApplicationPublicDetail {
  return { id: app.appId, createdAt: null, updatedAt: null, name: app.appName, logo: app.appLogo || null, domain: null, description: null, protocol: null };
}
