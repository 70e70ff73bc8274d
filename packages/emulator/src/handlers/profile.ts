import type { RequestContext } from '../context.ts';
import { toGroupDto, toRoleDto, toUserDto, withCustomData } from '../dto.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import { encryptTypeOf } from '../password-keys.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import type { Route } from '../route.ts';
import { optString, reqString, type Fields } from '../validate.ts';
import { readUserInput, userExists } from './user-fields.ts';

// What UpdateUserProfileDto lets a user change about themselves: not their
// email, phone, password or status, which have their own verified flows.
const selfEditable = [
  'name', 'nickname', 'photo', 'externalId', 'birthdate', 'country', 'province', 'city', 'address', 'streetAddress',
  'postalCode', 'gender', 'username', 'company', 'customData', 'identityNumber',
];

function getProfile(context: RequestContext): unknown {
  return toUserDto(context.user!, { withCustomData: withCustomData(context.query) });
}

async function updateProfile(context: RequestContext): Promise<unknown> {
  const editable: Fields = Object.fromEntries(Object.entries(context.body).filter(([key]) => selfEditable.includes(key)));
  const input = readUserInput(editable);
  const user = context.user!;
  const { store } = context.services;
  await store.write(() => {
    if (store.conflict(input.identifiers, user.userId)) throw userExists();
    Object.assign(user, input.identifiers);
    Object.assign(user.profile, input.profile);
    if (input.gender) user.gender = input.gender;
    if (input.customData) Object.assign(user.customData, input.customData);
    user.updatedAt = new Date().toISOString();
  });
  return toUserDto(user, { withCustomData: true });
}

async function updatePassword(context: RequestContext): Promise<undefined> {
  // UpdatePasswordDto's `passwordEncryptType` covers both passwords.
  const type = encryptTypeOf(context.body);
  const { passwordKeys } = context.services;
  const newPassword = await passwordKeys.plain(reqString(context.body, 'newPassword'), type, 'newPassword');
  const sentOld = optString(context.body, 'oldPassword');
  const oldPassword = sentOld ? await passwordKeys.plain(sentOld, type, 'oldPassword') : undefined;
  const user = context.user!;
  if (user.passwordHash) {
    if (!oldPassword) throw new EmulatorError(400, 'oldPasswordRequired');
    if (!(await verifyPassword(oldPassword, user.passwordHash))) throw new EmulatorError(400, 'wrongPassword', { apiCode: ApiCode.wrongPassword });
  }
  const passwordHash = await hashPassword(newPassword);
  await context.services.store.write(() => {
    user.passwordHash = passwordHash;
    user.passwordLastSetAt = new Date().toISOString();
    user.updatedAt = user.passwordLastSetAt;
  });
  return undefined;
}

function getMyRoleList(context: RequestContext): unknown {
  const namespace = optString(context.query, 'namespace');
  return context.services.store.state.roles
    .filter((role) => role.members.includes(context.user!.userId) && (!namespace || role.namespace === namespace))
    .map(toRoleDto);
}

function getMyGroupList(context: RequestContext): unknown {
  return context.services.store.state.groups
    .filter((group) => group.members.includes(context.user!.userId))
    .map((group) => toGroupDto(group, context.services.store));
}

export const profileRoutes: Route[] = [
  { operation: 'getProfile', method: 'GET', path: '/api/v3/get-profile', guard: 'user', handle: getProfile },
  { operation: 'updateProfile', method: 'POST', path: '/api/v3/update-profile', guard: 'user', handle: updateProfile },
  { operation: 'updatePassword', method: 'POST', path: '/api/v3/update-password', guard: 'user', handle: updatePassword },
  { operation: 'getRoleList', method: 'GET', path: '/api/v3/get-my-role-list', guard: 'user', handle: getMyRoleList },
  { operation: 'getGroupList', method: 'GET', path: '/api/v3/get-my-group-list', guard: 'user', handle: getMyGroupList },
];
