import type { RequestContext } from '../context.ts';
import { pageOf, slice, toGroupDto } from '../dto.ts';
import { EmulatorError } from '../errors.ts';
import type { Route } from '../route.ts';
import type { GroupRecord } from '../state.ts';
import { newId } from '../store.ts';
import { invalid, optObject, optString, reqArray, reqString } from '../validate.ts';
import { memberPage, userNotFound } from './users.ts';

function findGroup(context: RequestContext, code: string): GroupRecord {
  const group = context.services.store.group(code);
  if (!group) throw new EmulatorError(404, 'groupNotFound', { params: { code } });
  return group;
}

async function createGroup(context: RequestContext): Promise<unknown> {
  const code = reqString(context.body, 'code');
  const group: GroupRecord = {
    id: newId(),
    code,
    name: reqString(context.body, 'name'),
    description: optString(context.body, 'description') ?? '',
    type: optString(context.body, 'type') || 'static',
    customData: { ...optObject(context.body, 'customData') },
    members: [],
  };
  await context.services.store.write((state) => {
    if (context.services.store.group(code)) throw new EmulatorError(400, 'groupExists', { params: { code } });
    state.groups.push(group);
  });
  return toGroupDto(group, context.services.store);
}

function listGroups(context: RequestContext): unknown {
  const keywords = optString(context.query, 'keywords')?.toLowerCase();
  const groups = context.services.store.state.groups.filter(
    (group) => !keywords || group.code.toLowerCase().includes(keywords) || group.name.toLowerCase().includes(keywords),
  );
  return { totalCount: groups.length, list: slice(groups, pageOf(context.query)).map((group) => toGroupDto(group, context.services.store)) };
}

async function addGroupMembers(context: RequestContext): Promise<unknown> {
  const code = reqString(context.body, 'code');
  const userIds = reqArray(context.body, 'userIds');
  if (!userIds.every((id) => typeof id === 'string')) throw invalid('userIds');
  const { store } = context.services;
  await store.write(() => {
    const group = findGroup(context, code);
    for (const id of userIds as string[]) if (!store.findUser('user_id', id)) throw userNotFound();
    for (const id of userIds as string[]) if (!group.members.includes(id)) group.members.push(id);
  });
  return { success: true };
}

function listGroupMembers(context: RequestContext): unknown {
  const group = findGroup(context, reqString(context.query, 'code'));
  return memberPage(context, group.members);
}

export const groupRoutes: Route[] = [
  { operation: 'createGroup', method: 'POST', path: '/api/v3/create-group', guard: 'management', handle: createGroup },
  { operation: 'listGroups', method: 'GET', path: '/api/v3/list-groups', guard: 'management', handle: listGroups },
  { operation: 'addGroupMembers', method: 'POST', path: '/api/v3/add-group-members', guard: 'management', handle: addGroupMembers },
  { operation: 'listGroupMembers', method: 'GET', path: '/api/v3/list-group-members', guard: 'management', handle: listGroupMembers },
];
