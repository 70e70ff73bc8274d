import type { RequestContext } from '../context.ts';
import { pageOf, slice, toResourceDto } from '../dto.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import { defaultNamespace, type PolicyRecord, type PolicyTargetType, type ResourceRecord, type ResourceType, type State, type UserRecord } from '../state.ts';
import type { Identifier, Store } from '../store.ts';
import { optEnum, optString, reqArray, reqString, type Fields } from '../validate.ts';
import { withCollections } from './collections.ts';
import { userNotFound } from './users.ts';

const resourceTypes: readonly ResourceType[] = ['DATA', 'API', 'MENU', 'BUTTON', 'UI'];
const targetTypes: readonly PolicyTargetType[] = ['USER', 'ROLE', 'GROUP', 'DEPARTMENT'];
const identifierTypes: readonly Identifier[] = ['user_id', 'email', 'phone', 'username', 'external_id'];

function wrongType(field: string, type: string): EmulatorError {
  return new EmulatorError(400, 'wrongType', { params: { field, type }, httpStatus: 400 });
}

function resourceNotFound(code: string): EmulatorError {
  return new EmulatorError(404, 'resourceNotFound', { params: { code } });
}

function namespaceOf(fields: Fields): string {
  return optString(fields, 'namespace') || defaultNamespace;
}

function findResource(state: State, code: string, namespace: string): ResourceRecord | undefined {
  return state.resources.find((resource) => resource.code === code && resource.namespace === namespace);
}

/** An array of objects, each checked to be one, named `field[i]` when not. */
function objects(fields: Fields, key: string, path: string): Fields[] {
  return reqArray(fields, key, path).map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw wrongType(`${path}[${index}]`, 'object');
    return item as Fields;
  });
}

function strings(fields: Fields, key: string, path: string): string[] {
  return reqArray(fields, key, path).map((item, index) => {
    if (typeof item !== 'string') throw wrongType(`${path}[${index}]`, 'string');
    return item;
  });
}

async function createResource(context: RequestContext): Promise<unknown> {
  const { body } = context;
  const code = reqString(body, 'code');
  const type = optEnum(body, 'type', resourceTypes);
  if (type === undefined) throw new EmulatorError(400, 'missing', { params: { field: 'type' }, httpStatus: 400 });
  const actions = body.actions === undefined || body.actions === null
    ? []
    : objects(body, 'actions', 'actions').map((action, index) => ({
        name: reqString(action, 'name', `actions[${index}].name`),
        description: optString(action, 'description', `actions[${index}].description`) ?? '',
      }));
  const apiIdentifier = optString(body, 'apiIdentifier');
  const resource: ResourceRecord = {
    code,
    namespace: namespaceOf(body),
    name: optString(body, 'name') || code,
    description: optString(body, 'description') ?? '',
    type,
    actions,
    ...(apiIdentifier !== undefined ? { apiIdentifier } : {}),
  };
  await context.services.store.write((state) => {
    if (findResource(state, code, resource.namespace)) throw new EmulatorError(400, 'resourceExists', { params: { code } });
    state.resources.push(resource);
  });
  return toResourceDto(resource);
}

function getResource(context: RequestContext): unknown {
  const code = reqString(context.query, 'code');
  const resource = findResource(context.services.store.state, code, namespaceOf(context.query));
  if (!resource) throw resourceNotFound(code);
  return toResourceDto(resource);
}

function listResources(context: RequestContext): unknown {
  const namespace = namespaceOf(context.query);
  const type = optEnum(context.query, 'type', resourceTypes);
  const resources = context.services.store.state.resources.filter((resource) => resource.namespace === namespace && (!type || resource.type === type));
  // The spec's ResourcePagingDto repeats the envelope's statusCode and message inside `data`.
  return { statusCode: 200, message: '', totalCount: resources.length, list: slice(resources, pageOf(context.query)).map(toResourceDto) };
}

/** Checks a target exists: a user by id, a role by code in the namespace, a group by code, a department by id. */
function checkTarget(store: Store, type: PolicyTargetType, id: string, namespace: string): void {
  switch (type) {
    case 'USER':
      if (!store.findUser('user_id', id)) throw userNotFound();
      return;
    case 'ROLE':
      if (!store.role(id, namespace)) throw new EmulatorError(404, 'roleNotFound', { params: { code: id } });
      return;
    case 'GROUP':
      if (!store.group(id)) throw new EmulatorError(404, 'groupNotFound', { params: { code: id } });
      return;
    case 'DEPARTMENT':
      if (!store.state.departments.some((department) => department.departmentId === id)) throw new EmulatorError(404, 'departmentNotFound', { params: { id } });
  }
}

/** `code`, `code:instance` or `code:*`: the resource is the part before the first colon. */
function baseCode(code: string): string {
  const colon = code.indexOf(':');
  return colon < 0 ? code : code.slice(0, colon);
}

/** Grants actions on resources to targets; a repeated grant adds to the actions already granted. */
async function authorizeResources(context: RequestContext): Promise<unknown> {
  const namespace = namespaceOf(context.body);
  const grants = objects(context.body, 'list', 'list').map((item, index) => {
    const path = `list[${index}]`;
    const targetType = optEnum(item, 'targetType', targetTypes, `${path}.targetType`);
    if (!targetType) throw new EmulatorError(400, 'missing', { params: { field: `${path}.targetType` }, httpStatus: 400 });
    return {
      targetType,
      targetIdentifiers: strings(item, 'targetIdentifiers', `${path}.targetIdentifiers`),
      resources: objects(item, 'resources', `${path}.resources`).map((resource, position) => {
        const at = `${path}.resources[${position}]`;
        const resourceType = optEnum(resource, 'resourceType', resourceTypes, `${at}.resourceType`);
        if (!resourceType) throw new EmulatorError(400, 'missing', { params: { field: `${at}.resourceType` }, httpStatus: 400 });
        return { code: reqString(resource, 'code', `${at}.code`), actions: strings(resource, 'actions', `${at}.actions`), resourceType };
      }),
    };
  });
  const { store } = context.services;
  await store.write((state) => {
    // Everything is checked before anything is granted.
    for (const grant of grants) {
      for (const id of grant.targetIdentifiers) checkTarget(store, grant.targetType, id, namespace);
      for (const resource of grant.resources) if (!findResource(state, baseCode(resource.code), namespace)) throw resourceNotFound(resource.code);
    }
    for (const grant of grants) {
      for (const targetIdentifier of grant.targetIdentifiers) {
        for (const resource of grant.resources) {
          const existing = state.policies.find(
            (policy) => policy.namespace === namespace && policy.targetType === grant.targetType && policy.targetIdentifier === targetIdentifier && policy.resourceCode === resource.code,
          );
          if (existing) {
            existing.actions = [...new Set([...existing.actions, ...resource.actions])];
            existing.resourceType = resource.resourceType;
          } else {
            state.policies.push({ namespace, targetType: grant.targetType, targetIdentifier, resourceCode: resource.code, resourceType: resource.resourceType, actions: [...new Set(resource.actions)] });
          }
        }
      }
    }
  });
  return { success: true };
}

/** Every policy that applies to a user in a namespace: its own, its roles', its groups' and its departments'. */
function policiesFor(store: Store, user: UserRecord, namespace: string): PolicyRecord[] {
  const { state } = store;
  const roles = new Set(state.roles.filter((role) => role.namespace === namespace && role.members.includes(user.userId)).map((role) => role.code));
  const groups = new Set(state.groups.filter((group) => group.members.includes(user.userId)).map((group) => group.code));
  const departments = new Set(state.departments.filter((department) => department.members.some((member) => member.userId === user.userId)).map((department) => department.departmentId));
  return state.policies.filter((policy) => {
    if (policy.namespace !== namespace) return false;
    switch (policy.targetType) {
      case 'USER':
        return policy.targetIdentifier === user.userId;
      case 'ROLE':
        return roles.has(policy.targetIdentifier);
      case 'GROUP':
        return groups.has(policy.targetIdentifier);
      case 'DEPARTMENT':
        return departments.has(policy.targetIdentifier);
    }
  });
}

function covers(policy: PolicyRecord, resource: string, action: string): boolean {
  const resourceMatches = policy.resourceCode === resource || (policy.resourceCode.endsWith(':*') && baseCode(policy.resourceCode) === baseCode(resource));
  return resourceMatches && (policy.actions.includes(action) || policy.actions.includes('*'));
}

function isActionAllowed(context: RequestContext): unknown {
  const { body } = context;
  const userId = reqString(body, 'userId');
  const action = reqString(body, 'action');
  const resource = reqString(body, 'resource');
  const { store } = context.services;
  const user = store.findUser('user_id', userId);
  if (!user) throw userNotFound();
  return { allowed: policiesFor(store, user, namespaceOf(body)).some((policy) => covers(policy, resource, action)) };
}

function getUserAuthorizedResources(context: RequestContext): unknown {
  const { query } = context;
  const { store } = context.services;
  const user = store.findUser(optEnum(query, 'userIdType', identifierTypes) ?? 'user_id', reqString(query, 'userId'));
  if (!user) throw userNotFound();
  const namespace = namespaceOf(query);
  const type = optEnum(query, 'resourceType', resourceTypes);
  // One entry per resource code, with the actions of every policy that grants it.
  const merged = new Map<string, PolicyRecord>();
  for (const policy of policiesFor(store, user, namespace)) {
    if (type && policy.resourceType !== type) continue;
    const seen = merged.get(policy.resourceCode);
    if (seen) seen.actions = [...new Set([...seen.actions, ...policy.actions])];
    else merged.set(policy.resourceCode, { ...policy, actions: [...policy.actions] });
  }
  const list = [...merged.values()].map((policy) => {
    const resource = findResource(store.state, baseCode(policy.resourceCode), namespace);
    return {
      resourceCode: policy.resourceCode,
      ...(resource?.description ? { description: resource.description } : {}),
      resourceType: policy.resourceType,
      apiIdentifier: resource?.apiIdentifier ?? '',
      actions: policy.actions,
      effect: 'ALLOW',
    };
  });
  return { totalCount: list.length, list };
}

export const permissionRoutes: Route[] = withCollections([
  { operation: 'createResource', method: 'POST', path: '/api/v3/create-resource', guard: 'management', handle: createResource },
  { operation: 'getResource', method: 'GET', path: '/api/v3/get-resource', guard: 'management', handle: getResource },
  { operation: 'listResources', method: 'GET', path: '/api/v3/list-resources', guard: 'management', handle: listResources },
  { operation: 'authorizeResources', method: 'POST', path: '/api/v3/authorize-resources', guard: 'management', handle: authorizeResources },
  { operation: 'isActionAllowed', method: 'POST', path: '/api/v3/is-action-allowed', guard: 'management', handle: isActionAllowed },
  { operation: 'getUserAuthorizedResources', method: 'GET', path: '/api/v3/get-user-authorized-resources', guard: 'management', handle: getUserAuthorizedResources },
]);
