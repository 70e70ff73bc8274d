import type { NamespacesListRespDto } from '@authing/management';
import { or } from './nullable.ts';

/** v2's grant targets. v2's `ORG` is an organisation node, v3's `DEPARTMENT`; `AK_SK` has no v3 target. */
export type V2PolicyAssignmentTargetType = 'USER' | 'ROLE' | 'GROUP' | 'ORG' | 'AK_SK';

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

/** v2's page of an app's access rules. */
export interface V2ApplicationAccessPolicies {
  list: V2ApplicationAccessPolicy[];
  totalCount: number;
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
