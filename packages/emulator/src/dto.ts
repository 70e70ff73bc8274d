import type { AppRecord, ApplicationRecord, DepartmentRecord, GroupRecord, OrganizationRecord, ResourceRecord, RoleRecord, UserRecord } from './state.ts';
import type { Store } from './store.ts';
import { optBoolean, optInteger, type Fields } from './validate.ts';

/** Profile fields a user carries as plain strings, as in UserDto. */
export const profileFields = [
  'name', 'nickname', 'photo', 'birthdate', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode',
  'company', 'browser', 'device', 'givenName', 'familyName', 'middleName', 'profile', 'preferredUsername', 'website',
  'zoneinfo', 'locale', 'formatted', 'region', 'identityNumber',
] as const;

/**
 * A stored user as the API shows it. The password hash is never copied;
 * absent fields are omitted rather than null, as the spec's schemas expect.
 * `customData` is included only when asked for, as Authing does.
 */
export function toUserDto(user: UserRecord, options: { withCustomData?: boolean } = {}): Record<string, unknown> {
  return {
    userId: user.userId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    status: user.status,
    workStatus: 'Active',
    ...(user.email !== undefined ? { email: user.email } : {}),
    ...(user.phone !== undefined ? { phone: user.phone } : {}),
    ...(user.phoneCountryCode !== undefined ? { phoneCountryCode: user.phoneCountryCode } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
    ...(user.externalId !== undefined ? { externalId: user.externalId } : {}),
    ...user.profile,
    gender: user.gender,
    emailVerified: user.emailVerified,
    phoneVerified: user.phoneVerified,
    loginsCount: user.loginsCount,
    ...(user.lastLogin !== undefined ? { lastLogin: user.lastLogin } : {}),
    ...(user.passwordLastSetAt !== undefined ? { passwordLastSetAt: user.passwordLastSetAt } : {}),
    userSourceType: user.userSourceType,
    ...(options.withCustomData ? { customData: { ...user.customData } } : {}),
  };
}

export function toRoleDto(role: RoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    code: role.code,
    name: role.name,
    description: role.description,
    namespace: role.namespace,
    namespaceName: role.namespace === 'default' ? '默认权限分组' : role.namespace,
    status: 'ENABLE',
  };
}

export function toGroupDto(group: GroupRecord, store: Store): Record<string, unknown> {
  return {
    id: group.id,
    code: group.code,
    name: group.name,
    description: group.description,
    type: group.type,
    metadataSource: [],
    members: group.members.flatMap((id) => {
      const user = store.findUser('user_id', id);
      return user ? [toUserDto(user)] : [];
    }),
  };
}

/** `page` (from 1) and `limit` (default 10, as Authing's) read from a query or a pagination object. */
export function pageOf(fields: Fields, path: (key: string) => string = (key) => key): { page: number; limit: number } {
  return {
    page: optInteger(fields, 'page', path('page')) ?? 1,
    limit: Math.min(optInteger(fields, 'limit', path('limit')) ?? 10, 1000),
  };
}

export function slice<T>(items: readonly T[], { page, limit }: { page: number; limit: number }): T[] {
  return items.slice((page - 1) * limit, page * limit);
}

export function withCustomData(fields: Fields): boolean {
  return optBoolean(fields, 'withCustomData') ?? false;
}

/** An organisation as OrganizationDto: its root department carries its tree and members. */
export function toOrganizationDto(organization: OrganizationRecord, store: Store): Record<string, unknown> {
  const departments = store.state.departments.filter((department) => department.organizationCode === organization.organizationCode);
  const members = new Set(departments.flatMap((department) => department.members.map((member) => member.userId)));
  const root = departments.find((department) => department.departmentId === organization.departmentId);
  return {
    organizationCode: organization.organizationCode,
    organizationName: organization.organizationName,
    description: organization.description,
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
    departmentId: organization.departmentId,
    ...(organization.openDepartmentId !== undefined ? { openDepartmentId: organization.openDepartmentId } : {}),
    hasChildren: departments.some((department) => department.parentDepartmentId === organization.departmentId),
    leaderUserIds: [...(root?.leaderUserIds ?? [])],
    membersCount: [...members].filter((id) => store.findUser('user_id', id)).length,
    isVirtualNode: false,
  };
}

export function toDepartmentDto(department: DepartmentRecord, store: Store, options: { withCustomData?: boolean } = {}): Record<string, unknown> {
  const parent = store.state.departments.find((candidate) => candidate.departmentId === department.parentDepartmentId);
  return {
    organizationCode: department.organizationCode,
    departmentId: department.departmentId,
    createdAt: department.createdAt,
    updatedAt: department.updatedAt,
    ...(department.openDepartmentId !== undefined ? { openDepartmentId: department.openDepartmentId } : {}),
    name: department.name,
    leaderUserIds: [...department.leaderUserIds],
    description: department.description,
    parentDepartmentId: department.parentDepartmentId,
    ...(department.code !== undefined ? { code: department.code } : {}),
    parentDepartmentCode: parent?.code ?? '',
    membersCount: department.members.filter((member) => store.findUser('user_id', member.userId)).length,
    hasChildren: store.state.departments.some((candidate) => candidate.parentDepartmentId === department.departmentId),
    isVirtualNode: false,
    status: true,
    ...(options.withCustomData ? { customData: { ...department.customData } } : {}),
  };
}

/** One of a user's departments as UserDepartmentRespDto; paths run from the root down. */
export function toUserDepartmentDto(
  department: DepartmentRecord,
  userId: string,
  store: Store,
  options: { main: boolean; withCustomData?: boolean; withPaths?: boolean },
): Record<string, unknown> {
  const path: DepartmentRecord[] = [];
  for (let node: DepartmentRecord | undefined = department; node; node = store.state.departments.find((candidate) => candidate.departmentId === node!.parentDepartmentId)) {
    path.unshift(node);
    if (path.length > store.state.departments.length) break;
  }
  return {
    organizationCode: department.organizationCode,
    departmentId: department.departmentId,
    isRoot: department.parentDepartmentId === '',
    createdAt: department.createdAt,
    name: department.name,
    description: department.description,
    ...(department.openDepartmentId !== undefined ? { openDepartmentId: department.openDepartmentId } : {}),
    isLeader: department.leaderUserIds.includes(userId),
    code: department.code ?? '',
    isMainDepartment: options.main,
    joinedAt: department.members.find((member) => member.userId === userId)?.joinedAt ?? department.createdAt,
    isVirtualNode: false,
    ...(options.withCustomData ? { customData: { ...department.customData } } : {}),
    ...(options.withPaths
      ? {
          departmentIdPath: path.map((node) => node.departmentId),
          departmentCodePath: path.map((node) => node.code ?? ''),
          departmentNamePath: path.map((node) => node.name),
        }
      : {}),
  };
}

/**
 * An app as ApplicationDto. Seeded apps have no `ApplicationRecord`, so they
 * show defaults (a web app speaking OIDC); login, register and branding
 * settings are Authing's defaults and are not stored.
 */
export function toApplicationDto(app: AppRecord, details: ApplicationRecord | undefined, userPoolId: string): Record<string, unknown> {
  return {
    appId: app.appId,
    appIdentifier: details?.appIdentifier ?? app.appId,
    appName: app.name,
    appLogo: details?.appLogo ?? '',
    appDescription: details?.appDescription ?? '',
    appType: details?.appType ?? (app.tokenEndPointAuthMethod === 'none' ? 'spa' : 'web'),
    userPoolId,
    isIntegrateApp: false,
    defaultProtocol: details?.defaultProtocol ?? 'oidc',
    redirectUris: [...app.redirectUris],
    logoutRedirectUris: [...(details?.logoutRedirectUris ?? [])],
    initLoginUri: details?.initLoginUri ?? '',
    ssoEnabled: details?.ssoEnabled ?? false,
    loginConfig: {
      mergeLoginAndRegisterPage: false,
      enabledBasicLoginMethods: ['EMAIL_PASSWORD', 'USERNAME_PASSWORD', 'PHONE_PASSWORD', 'EMAIL_CODE', 'PHONE_CODE'],
      defaultLoginMethod: { connectionType: 'PASSWORD', qrcodeType: 'SELF_BUILT_APP', qrcodeExtIdpConnId: '', adExtIdpConnId: '', ldapExtIdpConnId: '' },
      enabledExtIdpConns: [],
      showAuthorizationPage: false,
    },
    registerConfig: { enabledBasicRegisterMethods: ['EMAIL_PASSWORD', 'EMAIL_CODE', 'PHONE_CODE'], defaultRegisterMethod: 'PASSWORD' },
    brandingConfig: {
      customCSSEnabled: false,
      guardVersion: 'Advanced',
      showChangeLanguageButton: false,
      defaultLanguage: 'zh-CN',
      showForgetPasswordButton: true,
      showEnterpriseConnections: true,
      showSocialConnections: true,
      showAgreement: false,
      agreements: [],
    },
    oidcConfig: {},
    samlProviderEnabled: false,
    oauthProviderEnabled: false,
    casProviderEnabled: false,
    customBrandingEnabled: false,
    customSecurityEnabled: false,
  };
}

export function toResourceDto(resource: ResourceRecord): Record<string, unknown> {
  return {
    code: resource.code,
    description: resource.description,
    name: resource.name,
    type: resource.type,
    actions: resource.actions.map((action) => ({ ...action })),
    ...(resource.apiIdentifier !== undefined ? { apiIdentifier: resource.apiIdentifier } : {}),
    namespace: resource.namespace,
    linkedToTenant: false,
  };
}
