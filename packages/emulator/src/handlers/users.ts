import type { RequestContext } from '../context.ts';
import { pageOf, slice, toUserDto, withCustomData } from '../dto.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import type { Route } from '../route.ts';
import type { Identifier } from '../store.ts';
import { invalid, nested, optBoolean, optEnum, optString, optStringArray, reqArray, reqString, type Fields } from '../validate.ts';
import { newUser, readUserInput, userExists, withPlainPassword } from './user-fields.ts';

const identifierTypes: readonly Identifier[] = ['user_id', 'email', 'phone', 'username', 'external_id'];

export function userNotFound(): EmulatorError {
  return new EmulatorError(404, 'userNotFound', { apiCode: ApiCode.userNotFound });
}

/** `userIdType` of a query or of `options`; `user_id` by default. */
function idType(fields: Fields, path = 'userIdType'): Identifier {
  return optEnum(fields, 'userIdType', identifierTypes, path) ?? 'user_id';
}

async function createUser(context: RequestContext): Promise<unknown> {
  const input = await withPlainPassword(context, readUserInput(context.body));
  const user = await newUser(input, 'adminCreated');
  await context.services.store.write((state) => {
    if (context.services.store.conflict(user)) throw userExists();
    state.users.push(user);
  });
  return toUserDto(user, { withCustomData: true });
}

async function createUsersBatch(context: RequestContext): Promise<unknown> {
  const list = reqArray(context.body, 'list');
  const users = await Promise.all(
    list.map((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`list[${index}]`);
      const path = (key: string) => `list[${index}].${key}`;
      return withPlainPassword(context, readUserInput(item as Fields, path), path('password')).then((input) => newUser(input, 'adminCreated'));
    }),
  );
  await context.services.store.write((state) => {
    // All or nothing: a clash with a stored user or within the batch stores none.
    const seen = new Set<string>();
    for (const user of users) {
      if (context.services.store.conflict(user)) throw userExists();
      for (const key of [user.email && `e:${user.email}`, user.phone && `p:${user.phone}`, user.username && `u:${user.username}`, user.externalId && `x:${user.externalId}`]) {
        if (!key) continue;
        if (seen.has(key)) throw userExists();
        seen.add(key);
      }
    }
    state.users.push(...users);
  });
  return users.map((user) => toUserDto(user, { withCustomData: true }));
}

function getUser(context: RequestContext): unknown {
  const userId = reqString(context.query, 'userId');
  const user = context.services.store.findUser(idType(context.query), userId);
  if (!user) throw userNotFound();
  return toUserDto(user, { withCustomData: withCustomData(context.query) });
}

function getUserBatch(context: RequestContext): unknown {
  const ids = optStringArray(context.query, 'userIds') ?? [];
  // The SDK sends arrays as repeated keys; other clients send one comma-separated value.
  const userIds = ids.flatMap((id) => id.split(',')).filter((id) => id !== '');
  const type = idType(context.query);
  return userIds.flatMap((id) => {
    const user = context.services.store.findUser(type, id);
    return user ? [toUserDto(user, { withCustomData: withCustomData(context.query) })] : [];
  });
}

function listUsers(context: RequestContext): unknown {
  const keywords = optString(context.body, 'keywords')?.toLowerCase();
  const options = nested(context.body, 'options');
  const pagination = options && nested(options.fields, 'pagination', options.path('pagination'));
  const page = pagination ? pageOf(pagination.fields, pagination.path) : { page: 1, limit: 10 };
  const custom = options ? (optBoolean(options.fields, 'withCustomData', options.path('withCustomData')) ?? false) : false;
  const matches = context.services.store.state.users.filter((user) => {
    if (!keywords) return true;
    const haystack = [user.userId, user.email, user.phone, user.username, user.externalId, user.profile.name, user.profile.nickname];
    return haystack.some((value) => value?.toLowerCase().includes(keywords));
  });
  // Authing lists the newest users first.
  const ordered = [...matches].reverse();
  return { totalCount: ordered.length, list: slice(ordered, page).map((user) => toUserDto(user, { withCustomData: custom })) };
}

async function updateUser(context: RequestContext): Promise<unknown> {
  const userId = reqString(context.body, 'userId');
  const options = nested(context.body, 'options');
  const type = options ? idType(options.fields, options.path('userIdType')) : 'user_id';
  const input = await withPlainPassword(context, readUserInput(context.body));
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { store } = context.services;
  const user = await store.write(() => {
    const found = store.findUser(type, userId);
    if (!found) throw userNotFound();
    if (store.conflict(input.identifiers, found.userId)) throw userExists();
    const now = new Date().toISOString();
    Object.assign(found, input.identifiers);
    if (input.phoneCountryCode !== undefined) found.phoneCountryCode = input.phoneCountryCode;
    if (input.status !== undefined) found.status = input.status;
    if (input.gender !== undefined) found.gender = input.gender;
    if (input.emailVerified !== undefined) found.emailVerified = input.emailVerified;
    if (input.phoneVerified !== undefined) found.phoneVerified = input.phoneVerified;
    Object.assign(found.profile, input.profile);
    // customData is merged key by key, as Authing updates custom fields.
    if (input.customData) Object.assign(found.customData, input.customData);
    if (passwordHash) {
      found.passwordHash = passwordHash;
      found.passwordLastSetAt = now;
    }
    found.updatedAt = now;
    return found;
  });
  return toUserDto(user, { withCustomData: true });
}

async function deleteUsersBatch(context: RequestContext): Promise<unknown> {
  const userIds = reqArray(context.body, 'userIds');
  if (!userIds.every((id) => typeof id === 'string')) throw invalid('userIds');
  const doomed = new Set(userIds as string[]);
  await context.services.store.write((state) => {
    state.users = state.users.filter((user) => !doomed.has(user.userId));
    for (const holder of [...state.roles, ...state.groups]) holder.members = holder.members.filter((id) => !doomed.has(id));
  });
  return { success: true };
}

function isUserExists(context: RequestContext): unknown {
  const { store } = context.services;
  const checks: Array<[Identifier, string | undefined]> = [
    ['username', optString(context.body, 'username')],
    ['email', optString(context.body, 'email')],
    ['phone', optString(context.body, 'phone')],
    ['external_id', optString(context.body, 'externalId')],
  ];
  return { exists: checks.some(([type, value]) => value !== undefined && value !== '' && store.findUser(type, value) !== undefined) };
}

/** A page of the users whose ids are listed (role and group members), as the list endpoints answer. */
export function memberPage(context: RequestContext, memberIds: readonly string[]): { totalCount: number; list: unknown[] } {
  const { store } = context.services;
  const users = memberIds.flatMap((id) => store.findUser('user_id', id) ?? []);
  const custom = withCustomData(context.query);
  return { totalCount: users.length, list: slice(users, pageOf(context.query)).map((user) => toUserDto(user, { withCustomData: custom })) };
}

export const userRoutes: Route[] = [
  { operation: 'createUser', method: 'POST', path: '/api/v3/create-user', guard: 'management', handle: createUser },
  { operation: 'createUsersBatch', method: 'POST', path: '/api/v3/create-users-batch', guard: 'management', handle: createUsersBatch },
  { operation: 'getUser', method: 'GET', path: '/api/v3/get-user', guard: 'management', handle: getUser },
  { operation: 'getUserBatch', method: 'GET', path: '/api/v3/get-user-batch', guard: 'management', handle: getUserBatch },
  { operation: 'listUsers', method: 'POST', path: '/api/v3/list-users', guard: 'management', handle: listUsers },
  { operation: 'updateUser', method: 'POST', path: '/api/v3/update-user', guard: 'management', handle: updateUser },
  { operation: 'deleteUsersBatch', method: 'POST', path: '/api/v3/delete-users-batch', guard: 'management', handle: deleteUsersBatch },
  { operation: 'isUserExists', method: 'POST', path: '/api/v3/is-user-exists', guard: 'management', handle: isUserExists },
];
