import type { RoleDto } from '@authing/management';
import { roleArn } from './arn.ts';

/**
 * A role as v2 returned it (v2's GraphQL `Role`), from `ManagementClient` and `AuthenticationClient`
 * alike. The connection fields of that type (`users`, `authorizedResources`) were never part of
 * v2's role answers: `roles.listUsers` and `roles.listAuthorizedResources` fetch them.
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

/**
 * A v3 role (of `@authing/management` or `@authing/authentication`, which share the fields read
 * here) in v2's shape. `userPoolId` comes from the client: v3 roles do not carry it.
 */
export function toV2Role(role: Pick<RoleDto, 'id' | 'namespace' | 'code' | 'description'>, userPoolId: string): V2Role {
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
