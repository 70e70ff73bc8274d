import type { RequestContext } from '../context.ts';
import { pageOf, slice, toRoleDto } from '../dto.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import { defaultNamespace, type RoleRecord } from '../state.ts';
import { newId, type Identifier } from '../store.ts';
import { invalid, optEnum, optString, reqArray, reqString } from '../validate.ts';
import { memberPage, userNotFound } from './users.ts';

function roleNotFound(code: string): EmulatorError {
  return new EmulatorError(404, 'roleNotFound', { params: { code } });
}

function findRole(context: RequestContext, code: string, namespace: string): RoleRecord {
  const role = context.services.store.role(code, namespace);
  if (!role) throw roleNotFound(code);
  return role;
}

async function createRole(context: RequestContext): Promise<unknown> {
  const code = reqString(context.body, 'code');
  const namespace = optString(context.body, 'namespace') || defaultNamespace;
  const role: RoleRecord = {
    id: newId(),
    code,
    name: optString(context.body, 'name') || code,
    description: optString(context.body, 'description') ?? '',
    namespace,
    members: [],
  };
  await context.services.store.write((state) => {
    if (context.services.store.role(code, namespace)) throw new EmulatorError(400, 'roleExists', { params: { code } });
    state.roles.push(role);
  });
  return toRoleDto(role);
}

function listRoles(context: RequestContext): unknown {
  const keywords = optString(context.query, 'keywords')?.toLowerCase();
  const namespace = optString(context.query, 'namespace') || defaultNamespace;
  const roles = context.services.store.state.roles.filter(
    (role) => role.namespace === namespace && (!keywords || role.code.toLowerCase().includes(keywords) || role.name.toLowerCase().includes(keywords)),
  );
  return { totalCount: roles.length, list: slice(roles, pageOf(context.query)).map(toRoleDto) };
}

function getRole(context: RequestContext): unknown {
  return toRoleDto(findRole(context, reqString(context.query, 'code'), optString(context.query, 'namespace') || defaultNamespace));
}

/** USER targets by user id; the other target types (groups, departments, roles) are not emulated yet. */
function userTargets(context: RequestContext): string[] {
  const targets = reqArray(context.body, 'targets');
  return targets.map((target, index) => {
    if (typeof target !== 'object' || target === null) throw invalid(`targets[${index}]`);
    const fields = target as Record<string, unknown>;
    const type = reqString(fields, 'targetType', `targets[${index}].targetType`);
    const id = reqString(fields, 'targetIdentifier', `targets[${index}].targetIdentifier`);
    if (type !== 'USER') throw new EmulatorError(501, 'unsupportedTarget', { httpStatus: 501 });
    return id;
  });
}

async function assignRole(context: RequestContext): Promise<unknown> {
  const code = reqString(context.body, 'code');
  const namespace = optString(context.body, 'namespace') || defaultNamespace;
  const userIds = userTargets(context);
  const { store } = context.services;
  await store.write(() => {
    const role = findRole(context, code, namespace);
    for (const id of userIds) if (!store.findUser('user_id', id)) throw userNotFound();
    for (const id of userIds) if (!role.members.includes(id)) role.members.push(id);
  });
  return { success: true };
}

async function revokeRole(context: RequestContext): Promise<unknown> {
  const code = reqString(context.body, 'code');
  const namespace = optString(context.body, 'namespace') || defaultNamespace;
  const userIds = new Set(userTargets(context));
  await context.services.store.write(() => {
    const role = findRole(context, code, namespace);
    role.members = role.members.filter((id) => !userIds.has(id));
  });
  return { success: true };
}

const identifierTypes: readonly Identifier[] = ['user_id', 'email', 'phone', 'username', 'external_id'];

function getUserRoles(context: RequestContext): unknown {
  const user = context.services.store.findUser(
    optEnum(context.query, 'userIdType', identifierTypes) ?? 'user_id',
    reqString(context.query, 'userId'),
  );
  if (!user) throw userNotFound();
  const namespace = optString(context.query, 'namespace');
  const roles = context.services.store.state.roles.filter(
    (role) => role.members.includes(user.userId) && (!namespace || role.namespace === namespace),
  );
  return { totalCount: roles.length, list: roles.map(toRoleDto) };
}

function listRoleMembers(context: RequestContext): unknown {
  const role = findRole(context, reqString(context.query, 'code'), optString(context.query, 'namespace') || defaultNamespace);
  return memberPage(context, role.members);
}

export const roleRoutes: Route[] = [
  { operation: 'createRole', method: 'POST', path: '/api/v3/create-role', guard: 'management', handle: createRole },
  { operation: 'listRoles', method: 'GET', path: '/api/v3/list-roles', guard: 'management', handle: listRoles },
  { operation: 'getRole', method: 'GET', path: '/api/v3/get-role', guard: 'management', handle: getRole },
  { operation: 'assignRole', method: 'POST', path: '/api/v3/assign-role', guard: 'management', handle: assignRole },
  { operation: 'revokeRole', method: 'POST', path: '/api/v3/revoke-role', guard: 'management', handle: revokeRole },
  { operation: 'getUserRoles', method: 'GET', path: '/api/v3/get-user-roles', guard: 'management', handle: getUserRoles },
  { operation: 'listRoleMembers', method: 'GET', path: '/api/v3/list-role-members', guard: 'management', handle: listRoleMembers },
];
