import type { AuthorizedResourceDto, RoleAuthorizedResourcesRespDto, RoleDto } from '@authing/management';
import type { V2Paginated } from './paginated.ts';

/**
 * A role as v2 returned it (v2's GraphQL `Role`). The connection fields of that type (`users`,
 * `authorizedResources`) were never part of v2's role answers: `roles.listUsers` and
 * `roles.listAuthorizedResources` fetch them.
 */
export interface V2Role {
  id: string;
  /** The permission namespace's code (`default` unless the role was created in another one). */
  namespace: string;
  code: string;
  /** `arn:cn:authing:{userPoolId}:role:{id}`. */
  arn: string;
  description: string | null;
  /** v3 does not say which roles are built in. */
  isSystem: null;
  /** v3 roles carry no timestamps. */
  createdAt: null;
  updatedAt: null;
  /** v3 roles have no parent role. */
  parent: null;
}

/** v2's resource types. */
export type V2ResourceType = 'DATA' | 'API' | 'MENU' | 'UI' | 'BUTTON';

/** One resource a role, a group or a user may access, in v2's fields. */
export interface V2AuthorizedResource {
  /** The resource's code, such as `books:1`. */
  code: string;
  type: V2ResourceType | null;
  actions: string[] | null;
}

/** v2 role ARNs: `arn:cn:authing:{userPoolId}:role:{id}`. */
export function roleArn(userPoolId: string, roleId: string): string {
  return `arn:cn:authing:${userPoolId}:role:${roleId}`;
}

/** A v3 role in v2's shape. `userPoolId` comes from the client: v3 roles do not carry it. */
export function toV2Role(role: RoleDto, userPoolId: string): V2Role {
  return {
    id: role.id,
    namespace: role.namespace,
    code: role.code,
    arn: roleArn(userPoolId, role.id),
    // v3 stores an absent description as ''; v2 answered null.
    description: role.description ? role.description : null,
    isSystem: null,
    createdAt: null,
    updatedAt: null,
    parent: null,
  };
}

/** v3's authorized resources (of a role: paginated; of a group: a bare array) as v2's page. */
export function toV2AuthorizedResources(list: ReadonlyArray<AuthorizedResourceDto | RoleAuthorizedResourcesRespDto>, totalCount: number = list.length): V2Paginated<V2AuthorizedResource> {
  return {
    totalCount,
    list: list.map((resource) => ({
      code: resource.resourceCode,
      type: resource.resourceType ?? null,
      actions: resource.actions ?? null,
    })),
  };
}
