import type { ApplicationDto, NamespacesListRespDto, ResourceDto } from '@authing/management';

/** v2's resource types (v3 has the same five). */
export type V2ResourceType = 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON';

/** v2's grant targets. v2's `ORG` is an organisation node, v3's `DEPARTMENT`; `AK_SK` has no v3 target. */
export type V2PolicyAssignmentTargetType = 'USER' | 'ROLE' | 'GROUP' | 'ORG' | 'AK_SK';

/** An action a resource defines. */
export interface V2ResourceAction {
  name: string;
  description: string;
}

/** What v2's `acl.listResources` filters by. */
export interface V2ResourceQueryFilter {
  page?: number;
  limit?: number;
  type?: V2ResourceType;
  /** @deprecated v2's older name for `namespace`. */
  namespaceCode?: string;
  namespace?: string;
}

/** What v2's `acl.createResource` takes. */
export interface V2ResourceInput {
  code: string;
  type: V2ResourceType;
  description?: string;
  actions: V2ResourceAction[];
  namespace: string;
  apiIdentifier?: string;
}

/** What v2's `acl.updateResource` takes. */
export interface V2ResourceUpdateInput {
  type?: V2ResourceType;
  description?: string;
  actions?: V2ResourceAction[];
  namespace: string;
  apiIdentifier?: string;
}

/** A resource as v2's list and detail calls returned it. v3 resources have no id, dates or numeric namespace id. */
export interface V2Resource {
  id: null;
  createdAt: null;
  updatedAt: null;
  userPoolId: string;
  code: string;
  actions: V2ResourceAction[];
  type: V2ResourceType;
  description: string | null;
  namespaceId: null;
  apiIdentifier: string | null;
  namespace: string | null;
}

/** A resource as v2's create and update calls returned it (`IResourceResponse`: no `namespace`). */
export type V2ResourceResponse = Omit<V2Resource, 'namespace'>;

/** One resource granted to a target: `{ code, type, actions }`. */
export interface V2AuthorizedResource {
  code: string;
  type: V2ResourceType | null;
  actions: string[] | null;
}

/** One target of v2's `acl.authorizeResource`. */
export interface V2AuthorizeResourceOpt {
  targetType: V2PolicyAssignmentTargetType;
  targetIdentifier: string;
  actions?: string[];
}

/** One target holding actions on a resource, as v2's `acl.getAuthorizedTargets` listed it. */
export interface V2ResourcePermissionAssignment {
  targetType: V2PolicyAssignmentTargetType | null;
  targetIdentifier: string | null;
  actions: string[] | null;
}

/** A permission namespace ("权限分组") in v2's fields. v3 namespaces have no numeric id and no app. */
export interface V2Namespace {
  id: null;
  name: string | null;
  code: string;
  description: string | null;
  status: number | null;
  appId: null;
  appName: null;
}

/** v2's namespace page: note `total`, not `totalCount`. */
export interface V2Namespaces {
  total: number;
  list: V2Namespace[];
}

/** What v2's application access methods take (`IAppAccessPolicy`). */
export interface V2AppAccessPolicy {
  appId: string;
  targetType: 'USER' | 'ROLE' | 'GROUP' | 'ORG';
  targetIdentifiers: string[];
  /** The role's namespace, for ROLE targets. */
  namespace?: string;
  /** For ORG targets: whether sub-departments inherit the rule. */
  inheritByChildren?: boolean;
}

/** v2's application access rule, reduced to what v3 lists: the effect sits in `policy.statements[0].effect`, as in v2. */
export interface V2ApplicationAccessPolicy {
  assignedAt: null;
  inheritByChildren: null;
  enabled: boolean;
  policyId: null;
  code: null;
  policy: {
    id: null;
    createdAt: null;
    updatedAt: null;
    userPoolId: string;
    isDefault: null;
    isAuto: null;
    hidden: null;
    code: null;
    description: null;
    statements: { resource: null; actions: null; effect: 'ALLOW' | 'DENY'; condition: null; resourceType: null }[];
    namespaceId: null;
  };
  targetType: string;
  /** v3's subject id: a user id, a department id, and (unlike v2's codes) a role or group id. */
  targetIdentifier: string;
  target: null;
  namespace: null;
}

export interface V2ApplicationAccessPolicies {
  list: V2ApplicationAccessPolicy[];
  totalCount: number;
}

/**
 * An application as v2's `acl.updateDefaultApplicationAccessPolicy` returned it (`IApplication`).
 * Fields v3's application has no counterpart for are `null`.
 */
export interface V2AclApplication {
  qrcodeScanning: null;
  id: string;
  createdAt: null;
  updatedAt: null;
  userPoolId: string;
  protocol: string;
  isOfficial: null;
  isDeleted: null;
  isDefault: null;
  name: string;
  description: string | null;
  identifier: string;
  jwks: null;
  ssoPageCustomizationSettings: null;
  logo: string;
  redirectUris: string[];
  logoutRedirectUris: string[];
  oidcProviderEnabled: null;
  oauthProviderEnabled: boolean | null;
  samlProviderEnabled: boolean | null;
  casProviderEnabled: boolean | null;
  registerDisabled: null;
  loginTabs: null;
  defaultLoginTab: null;
  registerTabs: null;
  defaultRegisterTab: null;
  ldapConnections: null;
  adConnections: null;
  disabledSocialConnections: null;
  disabledOidcConnections: null;
  disabledSamlConnections: null;
  disabledOauth2Connections: null;
  disabledCasConnections: null;
  disabledAzureAdConnections: null;
  extendsFieldsEnabled: null;
  extendsFields: null;
  ext: null;
  css: string | null;
  oidcConfig: null;
  samlConfig: null;
  oauthConfig: null;
  casConfig: null;
  showAuthorizationPage: boolean | null;
  enableSubAccount: null;
  loginRequireEmailVerified: null;
  agreementEnabled: null;
  skipMfa: null;
  permissionStrategy: { enabled: boolean; defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL'; allowPolicyId: null; denyPolicyId: null };
}

const or = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** A v3 resource in v2's list/detail shape. */
export function toV2Resource(resource: ResourceDto, userPoolId: string): V2Resource {
  return { ...toV2ResourceResponse(resource, userPoolId), namespace: or(resource.namespace) };
}

/** A v3 resource in v2's create/update shape. */
export function toV2ResourceResponse(resource: ResourceDto, userPoolId: string): V2ResourceResponse {
  return {
    id: null,
    createdAt: null,
    updatedAt: null,
    userPoolId,
    code: resource.code,
    actions: resource.actions ?? [],
    type: resource.type,
    description: or(resource.description),
    namespaceId: null,
    apiIdentifier: or(resource.apiIdentifier),
  };
}

/** A v3 namespace in v2's shape. */
export function toV2Namespace(namespace: Pick<NamespacesListRespDto, 'code'> & Partial<NamespacesListRespDto>): V2Namespace {
  return {
    id: null,
    name: or(namespace.name),
    code: namespace.code,
    description: or(namespace.description),
    status: or(namespace.status),
    appId: null,
    appName: null,
  };
}

/** A v3 application in the shape v2's ACL client returned, with the strategy just set. */
export function toV2AclApplication(app: ApplicationDto, userPoolId: string, defaultStrategy: 'ALLOW_ALL' | 'DENY_ALL'): V2AclApplication {
  return {
    qrcodeScanning: null,
    id: app.appId,
    createdAt: null,
    updatedAt: null,
    userPoolId: app.userPoolId || userPoolId,
    protocol: app.defaultProtocol,
    isOfficial: null,
    isDeleted: null,
    isDefault: null,
    name: app.appName,
    description: or(app.appDescription),
    identifier: app.appIdentifier,
    jwks: null,
    ssoPageCustomizationSettings: null,
    logo: app.appLogo,
    redirectUris: app.redirectUris ?? [],
    logoutRedirectUris: app.logoutRedirectUris ?? [],
    oidcProviderEnabled: null,
    oauthProviderEnabled: or(app.oauthProviderEnabled),
    samlProviderEnabled: or(app.samlProviderEnabled),
    casProviderEnabled: or(app.casProviderEnabled),
    registerDisabled: null,
    loginTabs: null,
    defaultLoginTab: null,
    registerTabs: null,
    defaultRegisterTab: null,
    ldapConnections: null,
    adConnections: null,
    disabledSocialConnections: null,
    disabledOidcConnections: null,
    disabledSamlConnections: null,
    disabledOauth2Connections: null,
    disabledCasConnections: null,
    disabledAzureAdConnections: null,
    extendsFieldsEnabled: null,
    extendsFields: null,
    ext: null,
    css: or(app.brandingConfig?.customCSS),
    oidcConfig: null,
    samlConfig: null,
    oauthConfig: null,
    casConfig: null,
    showAuthorizationPage: or(app.loginConfig?.showAuthorizationPage),
    enableSubAccount: null,
    loginRequireEmailVerified: null,
    agreementEnabled: null,
    skipMfa: null,
    // v3 has no allow/deny policy ids behind the strategy; the strategy is always in force.
    permissionStrategy: { enabled: true, defaultStrategy, allowPolicyId: null, denyPolicyId: null },
  };
}
