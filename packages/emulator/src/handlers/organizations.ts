import type { RequestContext } from '../context.ts';
import { pageOf, slice, toDepartmentDto, toOrganizationDto, toUserDepartmentDto, toUserDto, withCustomData } from '../dto.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import type { DepartmentRecord, OrganizationRecord, State } from '../state.ts';
import { newId, type Identifier, type Store } from '../store.ts';
import { invalid, optBoolean, optEnum, optObject, optString, reqArray, reqString, type Fields } from '../validate.ts';
import { optBodyStrings, withCollections } from './collections.ts';
import { userNotFound } from './users.ts';

type DepartmentIdType = 'department_id' | 'open_department_id' | 'code';
/** `sync_relation` and `custom_field` are not emulated: they answer 400 naming `departmentIdType`. */
const departmentIdTypes: readonly DepartmentIdType[] = ['department_id', 'open_department_id', 'code'];
const identifierTypes: readonly Identifier[] = ['user_id', 'email', 'phone', 'username', 'external_id'];

function organizationNotFound(code: string): EmulatorError {
  return new EmulatorError(404, 'organizationNotFound', { params: { code } });
}

function departmentNotFound(id: string): EmulatorError {
  return new EmulatorError(404, 'departmentNotFound', { params: { id } });
}

function findOrganization(store: Store, code: string): OrganizationRecord {
  const organization = store.state.organizations.find((candidate) => candidate.organizationCode === code);
  if (!organization) throw organizationNotFound(code);
  return organization;
}

function findDepartment(store: Store, organizationCode: string, id: string, type: DepartmentIdType): DepartmentRecord {
  findOrganization(store, organizationCode);
  const department = store.state.departments.find((candidate) => {
    if (candidate.organizationCode !== organizationCode) return false;
    switch (type) {
      case 'department_id':
        return candidate.departmentId === id;
      case 'open_department_id':
        return candidate.openDepartmentId === id;
      case 'code':
        return candidate.code === id;
    }
  });
  if (!department) throw departmentNotFound(id);
  return department;
}

/** The department a request names by `organizationCode`, `departmentId` (or another key) and `departmentIdType`. */
function departmentOf(context: RequestContext, fields: Fields, idKey = 'departmentId'): DepartmentRecord {
  const organizationCode = reqString(fields, 'organizationCode');
  const id = reqString(fields, idKey);
  const type = optEnum(fields, 'departmentIdType', departmentIdTypes) ?? 'department_id';
  return findDepartment(context.services.store, organizationCode, id, type);
}

/** A department and every department under it. */
function subtree(state: State, root: DepartmentRecord): DepartmentRecord[] {
  const found = [root];
  for (let index = 0; index < found.length; index++) {
    found.push(...state.departments.filter((candidate) => candidate.parentDepartmentId === found[index]!.departmentId));
  }
  return found;
}

function userIdsOf(fields: Fields): string[] {
  const ids = reqArray(fields, 'userIds');
  ids.forEach((id, index) => {
    if (typeof id !== 'string') throw new EmulatorError(400, 'wrongType', { params: { field: `userIds[${index}]`, type: 'string' }, httpStatus: 400 });
  });
  return ids as string[];
}

async function createOrganization(context: RequestContext): Promise<unknown> {
  const { body } = context;
  const organizationCode = reqString(body, 'organizationCode');
  const organizationName = reqString(body, 'organizationName');
  const description = optString(body, 'description') ?? '';
  const openDepartmentId = optString(body, 'openDepartmentId');
  const now = new Date().toISOString();
  const organization: OrganizationRecord = {
    organizationCode,
    organizationName,
    description,
    departmentId: newId(),
    ...(openDepartmentId ? { openDepartmentId } : {}),
    createdAt: now,
    updatedAt: now,
  };
  const root: DepartmentRecord = {
    departmentId: organization.departmentId,
    organizationCode,
    parentDepartmentId: '',
    name: organizationName,
    code: organizationCode,
    ...(openDepartmentId ? { openDepartmentId } : {}),
    description,
    leaderUserIds: [],
    customData: {},
    createdAt: now,
    updatedAt: now,
    members: [],
  };
  const { store } = context.services;
  await store.write((state) => {
    if (state.organizations.some((candidate) => candidate.organizationCode === organizationCode)) {
      throw new EmulatorError(400, 'organizationExists', { params: { code: organizationCode } });
    }
    state.organizations.push(organization);
    state.departments.push(root);
  });
  return toOrganizationDto(organization, store);
}

function listOrganizations(context: RequestContext): unknown {
  const { store } = context.services;
  const fetchAll = optBoolean(context.query, 'fetchAll') ?? false;
  const organizations = store.state.organizations;
  const page = fetchAll ? organizations : slice(organizations, pageOf(context.query));
  return { totalCount: organizations.length, list: page.map((organization) => toOrganizationDto(organization, store)) };
}

function getOrganization(context: RequestContext): unknown {
  const { store } = context.services;
  return toOrganizationDto(findOrganization(store, reqString(context.query, 'organizationCode')), store);
}

async function deleteOrganization(context: RequestContext): Promise<unknown> {
  const organizationCode = reqString(context.body, 'organizationCode');
  const { store } = context.services;
  await store.write((state) => {
    findOrganization(store, organizationCode);
    const gone = new Set(state.departments.filter((department) => department.organizationCode === organizationCode).map((department) => department.departmentId));
    state.organizations = state.organizations.filter((candidate) => candidate.organizationCode !== organizationCode);
    state.departments = state.departments.filter((department) => department.organizationCode !== organizationCode);
    state.policies = state.policies.filter((policy) => !(policy.targetType === 'DEPARTMENT' && gone.has(policy.targetIdentifier)));
  });
  return { success: true };
}

async function createDepartment(context: RequestContext): Promise<unknown> {
  const { body } = context;
  const organizationCode = reqString(body, 'organizationCode');
  const parentId = reqString(body, 'parentDepartmentId');
  const parentType = optEnum(body, 'departmentIdType', departmentIdTypes) ?? 'department_id';
  const name = reqString(body, 'name');
  const code = optString(body, 'code') || undefined;
  const openDepartmentId = optString(body, 'openDepartmentId') || undefined;
  const description = optString(body, 'description') ?? '';
  const customData = { ...optObject(body, 'customData') };
  const { store } = context.services;
  const department = await store.write((state) => {
    const parent = findDepartment(store, organizationCode, parentId, parentType);
    if (code && state.departments.some((candidate) => candidate.organizationCode === organizationCode && candidate.code === code)) {
      throw new EmulatorError(400, 'departmentExists', { params: { code } });
    }
    const now = new Date().toISOString();
    const created: DepartmentRecord = {
      departmentId: newId(),
      organizationCode,
      parentDepartmentId: parent.departmentId,
      name,
      ...(code ? { code } : {}),
      ...(openDepartmentId ? { openDepartmentId } : {}),
      description,
      leaderUserIds: [],
      customData,
      createdAt: now,
      updatedAt: now,
      members: [],
    };
    state.departments.push(created);
    return created;
  });
  return toDepartmentDto(department, store, { withCustomData: true });
}

function getDepartment(context: RequestContext): unknown {
  const { query } = context;
  const organizationCode = reqString(query, 'organizationCode');
  const code = optString(query, 'departmentCode');
  // Either `departmentId` (read by `departmentIdType`) or `departmentCode` names it.
  const department = code && optString(query, 'departmentId') === undefined
    ? findDepartment(context.services.store, organizationCode, code, 'code')
    : departmentOf(context, query);
  return toDepartmentDto(department, context.services.store, { withCustomData: withCustomData(query) });
}

async function updateDepartment(context: RequestContext): Promise<unknown> {
  const { body } = context;
  const name = optString(body, 'name');
  const description = optString(body, 'description');
  const code = optString(body, 'code');
  const leaderUserIds = optBodyStrings(body, 'leaderUserIds');
  const parentId = optString(body, 'parentDepartmentId');
  const customData = optObject(body, 'customData');
  if (name === '') throw invalid('name');
  const { store } = context.services;
  const department = await store.write((state) => {
    const found = departmentOf(context, body);
    if (code && code !== found.code && state.departments.some((candidate) => candidate.organizationCode === found.organizationCode && candidate.code === code)) {
      throw new EmulatorError(400, 'departmentExists', { params: { code } });
    }
    for (const id of leaderUserIds ?? []) if (!store.findUser('user_id', id)) throw userNotFound();
    let parent: DepartmentRecord | undefined;
    if (parentId && parentId !== found.parentDepartmentId) {
      if (found.parentDepartmentId === '') throw new EmulatorError(400, 'rootDepartment');
      // The new parent is named by id, whatever `departmentIdType` says about the department itself.
      parent = findDepartment(store, found.organizationCode, parentId, 'department_id');
      if (subtree(state, found).includes(parent)) throw new EmulatorError(400, 'departmentCycle');
    }
    if (name !== undefined) found.name = name;
    if (description !== undefined) found.description = description;
    if (code !== undefined) {
      if (code === '') delete found.code;
      else found.code = code;
    }
    if (leaderUserIds !== undefined) found.leaderUserIds = [...new Set(leaderUserIds)];
    if (parent) found.parentDepartmentId = parent.departmentId;
    if (customData) Object.assign(found.customData, customData);
    found.updatedAt = new Date().toISOString();
    return found;
  });
  return toDepartmentDto(department, store, { withCustomData: true });
}

async function deleteDepartment(context: RequestContext): Promise<unknown> {
  const { store } = context.services;
  await store.write((state) => {
    const found = departmentOf(context, context.body);
    if (found.parentDepartmentId === '') throw new EmulatorError(400, 'rootDepartment');
    // Its children go with it.
    const gone = new Set(subtree(state, found).map((department) => department.departmentId));
    state.departments = state.departments.filter((department) => !gone.has(department.departmentId));
    state.policies = state.policies.filter((policy) => !(policy.targetType === 'DEPARTMENT' && gone.has(policy.targetIdentifier)));
  });
  return { success: true };
}

function listChildrenDepartments(context: RequestContext): unknown {
  const { store } = context.services;
  const parent = departmentOf(context, context.query);
  const children = store.state.departments.filter((department) => department.parentDepartmentId === parent.departmentId);
  const custom = withCustomData(context.query);
  // The spec's DepartmentPagingDto declares `totalCount` a boolean, so it says whether there are any.
  return { totalCount: children.length > 0, list: children.map((department) => toDepartmentDto(department, store, { withCustomData: custom })) };
}

async function addDepartmentMembers(context: RequestContext): Promise<unknown> {
  const userIds = userIdsOf(context.body);
  const { store } = context.services;
  await store.write(() => {
    const department = departmentOf(context, context.body);
    for (const id of userIds) if (!store.findUser('user_id', id)) throw userNotFound();
    const joinedAt = new Date().toISOString();
    for (const userId of userIds) {
      if (!department.members.some((member) => member.userId === userId)) department.members.push({ userId, joinedAt });
    }
  });
  return { success: true };
}

async function removeDepartmentMembers(context: RequestContext): Promise<unknown> {
  const userIds = new Set(userIdsOf(context.body));
  await context.services.store.write(() => {
    const department = departmentOf(context, context.body);
    department.members = department.members.filter((member) => !userIds.has(member.userId));
    department.leaderUserIds = department.leaderUserIds.filter((id) => !userIds.has(id));
  });
  return { success: true };
}

function listDepartmentMembers(context: RequestContext): unknown {
  const { query } = context;
  const { store } = context.services;
  const department = departmentOf(context, query);
  const scope = optBoolean(query, 'includeChildrenDepartments') ? subtree(store.state, department) : [department];
  const ids = [...new Set(scope.flatMap((node) => node.members.map((member) => member.userId)))];
  const users = ids.flatMap((id) => store.findUser('user_id', id) ?? []);
  const custom = withCustomData(query);
  const withIds = optBoolean(query, 'withDepartmentIds') ?? false;
  return {
    totalCount: users.length,
    list: slice(users, pageOf(query)).map((user) => ({
      ...toUserDto(user, { withCustomData: custom }),
      ...(withIds
        ? { departmentIds: store.state.departments.filter((node) => node.members.some((member) => member.userId === user.userId)).map((node) => node.departmentId) }
        : {}),
    })),
  };
}

function getUserDepartments(context: RequestContext): unknown {
  const { query } = context;
  const { store } = context.services;
  const user = store.findUser(optEnum(query, 'userIdType', identifierTypes) ?? 'user_id', reqString(query, 'userId'));
  if (!user) throw userNotFound();
  const joined = store.state.departments
    .flatMap((department) => {
      const membership = department.members.find((member) => member.userId === user.userId);
      return membership ? [{ department, joinedAt: membership.joinedAt }] : [];
    })
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  const custom = withCustomData(query);
  const withPaths = optBoolean(query, 'withDepartmentPaths') ?? false;
  // The department joined first is the main one.
  const main = joined[0]?.department;
  return {
    totalCount: joined.length,
    list: slice(joined, pageOf(query)).map(({ department }) =>
      toUserDepartmentDto(department, user.userId, store, { main: department === main, withCustomData: custom, withPaths }),
    ),
  };
}

export const organizationRoutes: Route[] = withCollections([
  { operation: 'createOrganization', method: 'POST', path: '/api/v3/create-organization', guard: 'management', handle: createOrganization },
  { operation: 'listOrganizations', method: 'GET', path: '/api/v3/list-organizations', guard: 'management', handle: listOrganizations },
  { operation: 'getOrganization', method: 'GET', path: '/api/v3/get-organization', guard: 'management', handle: getOrganization },
  { operation: 'deleteOrganization', method: 'POST', path: '/api/v3/delete-organization', guard: 'management', handle: deleteOrganization },
  { operation: 'createDepartment', method: 'POST', path: '/api/v3/create-department', guard: 'management', handle: createDepartment },
  { operation: 'getDepartment', method: 'GET', path: '/api/v3/get-department', guard: 'management', handle: getDepartment },
  { operation: 'updateDepartment', method: 'POST', path: '/api/v3/update-department', guard: 'management', handle: updateDepartment },
  { operation: 'deleteDepartment', method: 'POST', path: '/api/v3/delete-department', guard: 'management', handle: deleteDepartment },
  { operation: 'listChildrenDepartments', method: 'GET', path: '/api/v3/list-children-departments', guard: 'management', handle: listChildrenDepartments },
  { operation: 'addDepartmentMembers', method: 'POST', path: '/api/v3/add-department-members', guard: 'management', handle: addDepartmentMembers },
  { operation: 'removeDepartmentMembers', method: 'POST', path: '/api/v3/remove-department-members', guard: 'management', handle: removeDepartmentMembers },
  { operation: 'listDepartmentMembers', method: 'GET', path: '/api/v3/list-department-members', guard: 'management', handle: listDepartmentMembers },
  { operation: 'getUserDepartments', method: 'GET', path: '/api/v3/get-user-departments', guard: 'management', handle: getUserDepartments },
]);
