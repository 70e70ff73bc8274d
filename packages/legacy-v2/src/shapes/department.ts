import type { UserDepartmentRespDto } from '@authing/management';
import { or } from './nullable.ts';
import { nameI18nOf, type V2Node, type V2NodeFields } from './org.ts';

// A user's departments, as v2's `users.listDepartment` / `listOrgs` and the AuthenticationClient's
// `listDepartments` / `listOrgs` returned them (v2 documented the same shapes for both). They are
// read from v3's departments of a user, with `withDepartmentPaths` (management) or as the
// signed-in user's department list (authentication): the same v3 record.

/**
 * A department of a user (v2's GraphQL `Node`, without the lazily fetched `users` and
 * `authorizedResources`). The same fields as `org`'s nodes, except `children`: v3 does not list a
 * department's children with a user's departments, so it is `null`.
 */
export type V2UserDepartmentNode = Omit<V2Node, 'children' | 'depth'> & {
  /** Distance from the root; `null` when v3 sent no path (its self-service department list has no option for them). */
  depth: number | null;
  children: null;
};

/** One of a user's departments (v2's `UserDepartment`). */
export interface V2UserDepartment {
  department: V2UserDepartmentNode;
  isMainDepartment: boolean;
  joinedAt: string | null;
}

/** The organization at the head of a `listOrgs` path. */
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

/** A department on a `listOrgs` path, from the root down to the user's department. */
export interface V2OrgPathNode extends V2NodeFields {
  type: 'node';
  userPoolId: string;
}

/** v2's `UserOrgList`: one path per department of the user, organization first. */
export type V2UserOrgList = [V2OrgPathOrg, ...V2OrgPathNode[]][];

/** A v3 department of a user in v2's shape. */
export function toV2UserDepartment(department: UserDepartmentRespDto): V2UserDepartment {
  const ids = department.departmentIdPath;
  const path = ids ?? [department.departmentId];
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
      depth: ids ? ids.length - 1 : department.isRoot ? 0 : null,
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

/**
 * The path from an organization to a department of the user. The last id of v3's
 * `departmentIdPath` is taken as the department itself; v3 gives the ancestors as ids, codes and
 * names only, so they carry just those.
 */
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
