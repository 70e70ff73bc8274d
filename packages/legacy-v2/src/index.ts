export { AuthingV2Error, type OnError } from './errors.ts';
export type { DeprecationOption, DeprecationWarning } from './deprecation.ts';

// Clients, and the option and input types their methods take.
export { ManagementClient, type ManagementClientOptions } from './management/client.ts';
export { UsersManagementClient, type V2IdentityOptions, type V2SearchUserOptions, type V2UpdateUserInput, type V2UserInput } from './management/users.ts';
export { RolesManagementClient, type V2RoleUsersOptions } from './management/roles.ts';
export { GroupsManagementClient, type V2GroupUsersOptions } from './management/groups.ts';
export { OrgManagementClient, type V2NodeInput, type V2OrgImportNode } from './management/org.ts';
export { AclManagementClient } from './management/acl.ts';
export { UdfManagementClient } from './management/udf.ts';
export { ApplicationsManagementClient, type V2AccessPolicyTargets, type V2AgreementInput } from './management/applications.ts';
export { WhitelistManagementClient } from './management/whitelist.ts';
export { StatisticsManagementClient } from './management/statistics.ts';
export { TenantManagementClient, type V2ExtIdpConnectionInput, type V2ExtIdpConnectionState } from './management/tenant.ts';
export { PoliciesManagementClient } from './management/policies.ts';
export { UserpoolManagementClient } from './management/userpool.ts';
export { AuthenticationClient, type AuthenticationClientOptions, type V2AuthorizeParams, type V2LogoutParams } from './authentication/client.ts';
export type { V2EmailScene } from './authentication/email-scenes.ts';
export type { V2LoginOptions, V2ProfileField, V2RegisterOptions, V2RegisterProfile, V2UpdateProfileInput } from './authentication/v2-inputs.ts';

// The v2 shapes the clients return (and some take).
export type { V2CommonMessage, V2Paginated } from './shapes/paginated.ts';
export type { V2CustomData, V2CustomDataItem, V2Identity, V2User } from './shapes/user.ts';
export type { V2Role } from './shapes/role.ts';
export type { V2Group } from './shapes/group.ts';
export type { V2ExportedNode, V2ExtendedOrg, V2Node, V2NodeFields, V2Org, V2TreeNode } from './shapes/org.ts';
export type { V2OrgPathNode, V2OrgPathOrg, V2UserDepartment, V2UserDepartmentNode, V2UserOrgList } from './shapes/department.ts';
export type {
  V2AuthorizedResource,
  V2Resource,
  V2ResourceAction,
  V2ResourceInput,
  V2ResourceQueryFilter,
  V2ResourceResponse,
  V2ResourceType,
  V2ResourceUpdateInput,
} from './shapes/resource.ts';
export type {
  V2AppAccessPolicy,
  V2ApplicationAccessPolicies,
  V2ApplicationAccessPolicy,
  V2AuthorizeResourceOpt,
  V2Namespace,
  V2Namespaces,
  V2PolicyAssignmentTargetType,
  V2ResourcePermissionAssignment,
} from './shapes/acl.ts';
export type { V2PolicyEffect, V2PolicyStatement } from './shapes/policy.ts';
export type {
  V2AclApplication,
  V2Agreement,
  V2Application,
  V2ApplicationPublicDetail,
  V2ApplicationTenantDetails,
  V2PermissionStrategy,
} from './shapes/application.ts';
export type { V2KeyValuePair, V2UdfDataType, V2UdfTargetType, V2UserDefinedData, V2UserDefinedField } from './shapes/udf.ts';
export type { V2WhiteList, V2WhitelistType } from './shapes/whitelist.ts';
export type { V2AdminLogsInfo, V2ListUserActionsOptions, V2UserLogsInfo } from './shapes/statistics.ts';
export type { V2ExtIdp, V2ExtIdpConnection, V2Tenant, V2TenantDetail, V2TenantMember, V2TenantWithUsers } from './shapes/tenant.ts';
export type { V2CheckConfig, V2QrcodeLoginStrategy, V2UpdateUserpoolInput, V2UserPool } from './shapes/userpool.ts';
export type {
  V2Cas20ValidationFailureResult,
  V2Cas20ValidationSuccessResult,
  V2JwtTokenStatus,
  V2PasswordSecurityLevel,
  V2RefreshToken,
  V2SecurityLevel,
  V2TicketV1Result,
} from './authentication/shapes.ts';
