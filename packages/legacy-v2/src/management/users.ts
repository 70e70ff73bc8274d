import { ValidationError, isAuthingError } from '@authing/core';
import type { ListUsersOptionsDto, SetCustomDataDto, UpdateUserReqDto, UserDepartmentRespDto, UserDto } from '@authing/management';
import { allPages } from '../all-pages.ts';
import { passwordPayload } from '../password.ts';
import { toV2OrgPath, toV2UserDepartment, type V2UserDepartment, type V2UserOrgList } from '../shapes/department.ts';
import { toV2Group, type V2Group } from '../shapes/group.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2AuthorizedResources, type V2AuthorizedResource, type V2ResourceType } from '../shapes/resource.ts';
import { toV2Role, type V2Role } from '../shapes/role.ts';
import type { V2ListUserActionsOptions, V2UserLogsInfo } from '../shapes/statistics.ts';
import { toV2User, type V2CustomData, type V2User } from '../shapes/user.ts';
import type { ManagementContext } from './context.ts';
import { readUserActionLogs } from './statistics.ts';

/** v2's `CreateUserInput`: the profile `users.create` accepts, in v2's names. */
export interface V2UserInput {
  username?: string | null;
  email?: string | null;
  emailVerified?: boolean | null;
  phone?: string | null;
  phoneVerified?: boolean | null;
  /** Rejected when set: v3 keeps social-login ids on the user's identities (`users.linkIdentity`). */
  unionid?: string | null;
  /** Rejected when set: v3 keeps social-login ids on the user's identities (`users.linkIdentity`). */
  openid?: string | null;
  nickname?: string | null;
  photo?: string | null;
  /** Sent encrypted when the client has `encPublicKey`. */
  password?: string | null;
  /** Rejected when set: v3 records how a user signed up itself. */
  registerSource?: string[] | null;
  browser?: string | null;
  /** Rejected when set: v3 keeps the identity provider's profile on the user's identities. */
  oauth?: string | null;
  /** Rejected when set: v3 counts sign-ins itself. */
  loginsCount?: number | null;
  /** Rejected when set: v3 records sign-ins itself. */
  lastLogin?: string | null;
  company?: string | null;
  /** Rejected when set: v3 records sign-ins itself. */
  lastIP?: string | null;
  /** Rejected when set: v3 sets the creation time itself. */
  signedUp?: string | null;
  /** `true` creates the user suspended (v3 `status: 'Suspended'`). */
  blocked?: boolean | null;
  /** Rejected when `true`: v3 deletes users (`users.delete`) instead of flagging them. */
  isDeleted?: boolean | null;
  device?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  middleName?: string | null;
  profile?: string | null;
  preferredUsername?: string | null;
  website?: string | null;
  /** `M`, `F` or `U`. */
  gender?: string | null;
  birthdate?: string | null;
  zoneinfo?: string | null;
  locale?: string | null;
  address?: string | null;
  formatted?: string | null;
  streetAddress?: string | null;
  /** Rejected when set: v3 users have no locality. */
  locality?: string | null;
  region?: string | null;
  postalCode?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  externalId?: string | null;
}

/** v2's `UpdateUserInput`. */
export interface V2UpdateUserInput extends Omit<V2UserInput, 'isDeleted'> {
  /** Rejected when set: v3 ends a user's sessions with `kickUsers` (`users.kick`), not by an expiry date. */
  tokenExpiredAt?: string | null;
}

/** v2's `users.search` options. */
export interface V2SearchUserOptions {
  /** The fields to match (v3's `fuzzySearchOn`). */
  fields?: string[];
  page?: number;
  limit?: number;
  /** Rejected when set: v3's search cannot be narrowed to departments without their organization code. */
  departmentOpts?: { departmentId?: string; includeChildrenDepartments?: boolean }[];
  /** Rejected when set: v3's search cannot be narrowed to groups. */
  groupOpts?: { code?: string }[];
  /** Rejected when set: v3's search cannot be narrowed to roles. */
  roleOpts?: { namespace?: string; code: string }[];
  withCustomData?: boolean;
}

/** v2's `users.linkIdentity` / `users.unlinkIdentity` options. */
export interface V2IdentityOptions {
  userId: string;
  /** The identity source (v3 identifies it by this id; v2's `identifier` alone is not enough). */
  extIdpId: string;
  /** v2 also took the connection's identifier; v3 does not use it. */
  identifier?: string;
  type?: string;
  /** Deprecated in v2 already; passed through. */
  isSocial?: boolean;
}

type UserIdType = 'user_id' | 'username' | 'phone' | 'email' | 'external_id';

// v2's field names for `batch`'s `queryField` and `find`'s options, as v3 user-id types.
const idTypes = { id: 'user_id', username: 'username', phone: 'phone', email: 'email', externalId: 'external_id' } as const satisfies Record<string, UserIdType>;

/** Profile fields v2 and v3 name and type alike. */
const sameFields = [
  'username',
  'email',
  'emailVerified',
  'phone',
  'phoneVerified',
  'nickname',
  'photo',
  'browser',
  'company',
  'device',
  'name',
  'givenName',
  'familyName',
  'middleName',
  'profile',
  'preferredUsername',
  'website',
  'birthdate',
  'zoneinfo',
  'locale',
  'address',
  'formatted',
  'streetAddress',
  'region',
  'postalCode',
  'city',
  'province',
  'country',
  'externalId',
] as const satisfies readonly (keyof V2UserInput & keyof UpdateUserReqDto)[];

/** v2 fields a v3 user cannot store, with what to do instead. Setting them throws rather than dropping them quietly. */
const unstorable: Record<string, string> = {
  unionid: 'v3 keeps social-login ids on the user\'s identities (users.linkIdentity)',
  openid: 'v3 keeps social-login ids on the user\'s identities (users.linkIdentity)',
  oauth: 'v3 keeps the identity provider\'s profile on the user\'s identities',
  registerSource: 'v3 records how a user signed up itself',
  loginsCount: 'v3 counts sign-ins itself',
  lastLogin: 'v3 records sign-ins itself',
  lastIP: 'v3 records sign-ins itself',
  signedUp: 'v3 sets the creation time itself',
  isDeleted: 'v3 deletes users (users.delete) instead of flagging them',
  locality: 'v3 users have no locality',
  tokenExpiredAt: 'v3 ends a user\'s sessions with kickUsers (users.kick), not by an expiry date',
};

const genders = new Set(['M', 'F', 'U']);

/** The v3 profile fields `create` and `update` send. */
type V3Profile = Pick<UpdateUserReqDto, (typeof sameFields)[number] | 'gender' | 'status'>;

const fuzzyFields = new Set<string>([
  'id',
  'phone',
  'email',
  'name',
  'username',
  'externalId',
  'nickname',
  'company',
  'givenName',
  'familyName',
  'middleName',
  'profile',
  'preferredUsername',
  'website',
  'address',
  'formatted',
  'streetAddress',
  'postalCode',
  'identityNumber',
]);
type FuzzyField = NonNullable<ListUsersOptionsDto['fuzzySearchOn']>[number];

function invalid(field: string, expected: string): ValidationError {
  return new ValidationError(`invalid argument \`${field}\`: ${expected}`, field);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(field, 'a non-empty string');
  return value;
}

function texts(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw invalid(field, 'a non-empty array of non-empty strings');
  }
  return value as string[];
}

/** v2's profile input in v3's fields, and the password apart (it goes through `passwordPayload`). */
function toV3Profile(input: unknown, argument: string): { profile: V3Profile; password: string | undefined } {
  if (!isObject(input)) throw invalid(argument, 'an object of user fields');
  const profile: V3Profile = {};
  // Written field by field from a checked list; null is passed on, as v2 cleared a field with it.
  const fields = profile as Record<string, unknown>;
  let password: string | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = `${argument}.${key}`;
    if (key === 'password') {
      if (value === null) continue;
      password = text(value, field);
    } else if ((sameFields as readonly string[]).includes(key)) {
      fields[key] = value;
    } else if (key === 'gender') {
      if (value !== null && !genders.has(value as string)) throw invalid(field, '"M", "F" or "U"');
      fields.gender = value;
    } else if (key === 'blocked') {
      if (value === null) continue;
      if (typeof value !== 'boolean') throw invalid(field, 'a boolean');
      profile.status = value ? 'Suspended' : 'Activated';
    } else if (key in unstorable) {
      if (value === null || (key === 'isDeleted' && value === false)) continue;
      throw new ValidationError(`\`${field}\` cannot be set in v3: ${unstorable[key]}`, field);
    } else {
      throw invalid(field, `not a field of v2's user input (${key})`);
    }
  }
  return { profile, password };
}

/** v3's "user not found", which v2's `find` answered with `null`. */
function isUserNotFound(error: unknown): boolean {
  return isAuthingError(error) && (error as { apiCode?: number }).apiCode === 2004;
}

function done(message: string): V2CommonMessage {
  return { code: 200, message };
}

/**
 * v2's `managementClient.users`: the same methods, arguments and defaults, v2 users (see
 * `V2User`), over the v3 user, role, group, department and custom-data endpoints.
 */
export class UsersManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** A v3 user in v2's shape; `customData` only when the call asked for it, as v2's queries did. */
  #user(user: UserDto, withCustomData: boolean): V2User {
    const v2 = toV2User(user, this.#context.userPoolId);
    return { ...v2, customData: withCustomData ? (v2.customData ?? {}) : null };
  }

  /** Every department of a user with its path (v3 pages them; v2 returned them all). */
  async #departments(userId: string): Promise<UserDepartmentRespDto[]> {
    const { list } = await allPages((page, limit) => this.#context.v3.getUserDepartments({ userId, page, limit, withDepartmentPaths: true }));
    return list;
  }

  /** The apps a user is signed in to (v2's kick and logout ended every session; v3 kicks per app). */
  async #signedInApps(userId: string): Promise<string[]> {
    const apps = await this.#context.v3.getUserLoggedinApps({ userId });
    return apps.map((app) => app.appId);
  }

  /**
   * Creates a user as an administrator (no verification codes). `options.keepPassword` and
   * `options.resetPasswordOnFirstLogin` keep their v2 meaning; the password is encrypted with
   * `encPublicKey` when the client has one. v2 fields v3 cannot store (`loginsCount`, `signedUp`,
   * `unionid`, …) are rejected with a `validation_error` rather than dropped. `options.customData`
   * is this package's addition (v2 set custom data with `setUdfValue` afterwards).
   */
  create(
    userInfo: V2UserInput,
    options: { keepPassword?: boolean; resetPasswordOnFirstLogin?: boolean; customData?: V2CustomData } = {},
  ): Promise<V2User> {
    const { v3, shim, encPublicKey } = this.#context;
    return shim.run('users.create', 'createUser', async () => {
      const { profile, password } = toV3Profile(userInfo, 'userInfo');
      const encrypted = password === undefined ? undefined : await passwordPayload(password, encPublicKey);
      const { keepPassword, resetPasswordOnFirstLogin, customData } = options ?? {};
      const user = await v3.createUser({
        ...profile,
        ...(encrypted ? { password: encrypted.password } : {}),
        ...(customData === undefined ? {} : { customData }),
        options: {
          ...(keepPassword !== undefined ? { keepPassword } : {}),
          ...(resetPasswordOnFirstLogin !== undefined ? { resetPasswordOnFirstLogin } : {}),
          ...(encrypted ? { passwordEncryptType: encrypted.passwordEncryptType } : {}),
        },
      });
      return this.#user(user, false);
    });
  }

  /** Updates a user's profile (and password, encrypted with `encPublicKey` when set). */
  update(id: string, updates: V2UpdateUserInput): Promise<V2User> {
    const { v3, shim, encPublicKey } = this.#context;
    return shim.run('users.update', 'updateUser', async () => {
      const userId = text(id, 'id');
      const { profile, password } = toV3Profile(updates, 'updates');
      const encrypted = password === undefined ? undefined : await passwordPayload(password, encPublicKey);
      const user = await v3.updateUser({
        ...profile,
        userId,
        ...(encrypted ? { password: encrypted.password, options: { passwordEncryptType: encrypted.passwordEncryptType } } : {}),
      });
      return this.#user(user, false);
    });
  }

  /** One user by id; `options.withCustomData` adds `customData` as `{ key: value }`. */
  detail(userId: string, options: { withCustomData?: boolean } = {}): Promise<V2User> {
    const { v3, shim } = this.#context;
    return shim.run('users.detail', 'getUser', async () => {
      const withCustomData = options?.withCustomData ?? false;
      return this.#user(await v3.getUser({ userId, withCustomData, withIdentities: true }), withCustomData);
    });
  }

  /** Deletes one user; resolves v2's `{ code: 200, message }`. */
  delete(userId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.delete', 'deleteUsersBatch', async () => {
      await v3.deleteUsersBatch({ userIds: [text(userId, 'userId')] });
      return done('deleted');
    });
  }

  /** Deletes several users; resolves v2's `{ code: 200, message }`. */
  deleteMany(userIds: string[]): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.deleteMany', 'deleteUsersBatch', async () => {
      await v3.deleteUsersBatch({ userIds: texts(userIds, 'userIds') });
      return done('deleted');
    });
  }

  /**
   * Several users by id, or by `options.queryField` (`username`, `phone`, `email`, `externalId`).
   * Users not found are left out, as in v2.
   */
  batch(ids: string[], options: { queryField?: 'id' | 'username' | 'phone' | 'email' | 'externalId'; withCustomData?: boolean } = {}): Promise<V2User[]> {
    const { v3, shim } = this.#context;
    return shim.run('users.batch', 'getUserBatch', async () => {
      const userIds = texts(ids, 'ids');
      const { queryField = 'id', withCustomData = false } = options ?? {};
      const userIdType = idTypes[queryField];
      if (userIdType === undefined) throw invalid('options.queryField', 'one of id, username, phone, email, externalId');
      const users = await v3.getUserBatch({ userIds, userIdType, withCustomData, withIdentities: true });
      return users.map((user) => this.#user(user, withCustomData));
    });
  }

  /** A page of users, newest first: `{ totalCount, list }` of v2 users. */
  list(page = 1, limit = 10, options: { withCustomData?: boolean; excludeUsersInOrg?: boolean } = {}): Promise<V2Paginated<V2User>> {
    const { v3, shim } = this.#context;
    return shim.run('users.list', 'listUsers', async () => {
      const { withCustomData = false, excludeUsersInOrg = false } = options ?? {};
      if (excludeUsersInOrg) throw invalid('options.excludeUsersInOrg', 'false: v3 cannot leave out the users who belong to an organization');
      const { totalCount, list } = await v3.listUsers({ options: { pagination: { page, limit }, withCustomData } });
      return { totalCount, list: list.map((user) => this.#user(user, withCustomData)) };
    });
  }

  /**
   * v2 posted console filter tuples (`[{ type, value }, op, value]`) to `/api/v2/users/filter`; that
   * format was never documented, so it cannot be translated.
   */
  filter(_options?: { page?: number; limit?: number; filter?: unknown[] }): Promise<never> {
    return this.#context.shim.unsupported(
      'users.filter',
      'v2 sent the console\'s undocumented filter tuples, which cannot be translated; write the conditions as ManagementClient.listUsers({ advancedFilter })',
    );
  }

  /** A page of archived users, as v2 users (v3 lists archived ids; the users are then read by id). */
  listArchivedUsers(page = 1, limit = 10): Promise<V2Paginated<V2User>> {
    const { v3, shim } = this.#context;
    return shim.run('users.listArchivedUsers', 'ManagementClient.listArchivedUsers() then ManagementClient.getUserBatch() from @authing/management', async () => {
      const { totalCount, list } = await v3.listArchivedUsers({ page, limit });
      if (list.length === 0) return { totalCount, list: [] };
      const users = await v3.getUserBatch({ userIds: list.map((archived) => archived.userId) });
      return { totalCount, list: users.map((user) => this.#user(user, false)) };
    });
  }

  /** Whether a user with this username, email, phone or externalId exists. */
  exists(options: { username?: string; email?: string; phone?: string; externalId?: string }): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('users.exists', 'isUserExists', async () => {
      const { username, email, phone, externalId } = isObject(options) ? options : {};
      if ([username, email, phone, externalId].every((value) => value === undefined || value === '')) {
        throw invalid('options', 'one of username, email, phone, externalId');
      }
      const { exists } = await v3.isUserExists({ username, email, phone, externalId });
      return exists;
    });
  }

  /** The user with exactly this username, email, phone or externalId; `null` when there is none, as in v2. */
  find(options: { username?: string; email?: string; phone?: string; externalId?: string; withCustomData?: boolean }): Promise<V2User | null> {
    const { v3, shim } = this.#context;
    return shim.run('users.find', 'getUser', async () => {
      const given = isObject(options) ? options : {};
      const keys = (['username', 'email', 'phone', 'externalId'] as const).filter((key) => given[key] !== undefined && given[key] !== null && given[key] !== '');
      const [key] = keys;
      if (key === undefined || keys.length > 1) throw invalid('options', 'exactly one of username, email, phone, externalId (v3 looks a user up by one)');
      const withCustomData = given.withCustomData === true;
      try {
        const user = await v3.getUser({ userId: text(given[key], `options.${key}`), userIdType: idTypes[key], withCustomData, withIdentities: true });
        return this.#user(user, withCustomData);
      } catch (error) {
        if (isUserNotFound(error)) return null;
        throw error;
      }
    });
  }

  /**
   * Users whose fields contain `query` (v3's `keywords`), a page at a time. `options.fields` limits
   * the fields searched; v2's department, group and role restrictions are rejected (see
   * `V2SearchUserOptions`).
   */
  search(query: string, options: V2SearchUserOptions = {}): Promise<V2Paginated<V2User>> {
    const { v3, shim } = this.#context;
    return shim.run('users.search', 'listUsers', async () => {
      if (typeof query !== 'string') throw invalid('query', 'a string');
      const { fields, page = 1, limit = 10, departmentOpts, groupOpts, roleOpts, withCustomData = false } = options ?? {};
      if (departmentOpts?.length) {
        throw invalid('options.departmentOpts', 'absent: v3 narrows a search to a department only with its organization code; use ManagementClient.listDepartmentMembers() or listUsers({ advancedFilter })');
      }
      if (groupOpts?.length) throw invalid('options.groupOpts', 'absent: v3 cannot narrow a search to a group; use ManagementClient.listGroupMembers()');
      if (roleOpts?.length) throw invalid('options.roleOpts', 'absent: v3 cannot narrow a search to a role; use ManagementClient.listRoleMembers()');
      for (const field of fields ?? []) {
        if (!fuzzyFields.has(field)) throw invalid('options.fields', `fields v3 can search (${[...fuzzyFields].join(', ')}), not ${field}`);
      }
      const { totalCount, list } = await v3.listUsers({
        keywords: query,
        options: {
          pagination: { page, limit },
          withCustomData,
          ...(fields?.length ? { fuzzySearchOn: fields as FuzzyField[] } : {}),
        },
      });
      return { totalCount, list: list.map((user) => this.#user(user, withCustomData)) };
    });
  }

  /** v2 minted a fresh token for any user; v3's management API issues no user tokens. */
  refreshToken(_id: string): Promise<never> {
    return this.#context.shim.unsupported(
      'users.refreshToken',
      'v3\'s management API issues no tokens for a user; tokens come from the user\'s own sign-in (AuthenticationClient) or an OIDC flow',
    );
  }

  /** The groups a user belongs to: `{ totalCount, list }` of v2 groups. */
  listGroups(userId: string): Promise<V2Paginated<V2Group>> {
    const { v3, shim } = this.#context;
    return shim.run('users.listGroups', 'getUserGroups', async () => {
      const { totalCount, list } = await v3.getUserGroups({ userId });
      return { totalCount, list: list.map(toV2Group) };
    });
  }

  /** Adds a user to the group with code `group`. */
  addGroup(userId: string, group: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.addGroup', 'addGroupMembers', async () => {
      await v3.addGroupMembers({ code: group, userIds: [text(userId, 'userId')] });
      return done('added to the group');
    });
  }

  /** Removes a user from the group with code `group`. */
  removeGroup(userId: string, group: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.removeGroup', 'removeGroupMembers', async () => {
      await v3.removeGroupMembers({ code: group, userIds: [text(userId, 'userId')] });
      return done('removed from the group');
    });
  }

  /** The roles of a user, in `namespace` when given: `{ totalCount, list }` of v2 roles. */
  listRoles(userId: string, namespace?: string): Promise<V2Paginated<V2Role>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('users.listRoles', 'getUserRoles', async () => {
      const { totalCount, list } = await v3.getUserRoles({ userId, ...(namespace === undefined ? {} : { namespace }) });
      return { totalCount, list: list.map((role) => toV2Role(role, userPoolId)) };
    });
  }

  /** Gives a user the roles with these codes (one v3 `assignRole` per role). */
  addRoles(userId: string, roles: string[], namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.addRoles', 'assignRole', async () => {
      const targets = [{ targetType: 'USER' as const, targetIdentifier: text(userId, 'userId') }];
      for (const code of texts(roles, 'roles')) await v3.assignRole({ code, targets, ...(namespace === undefined ? {} : { namespace }) });
      return done('roles assigned');
    });
  }

  /** Takes the roles with these codes from a user (one v3 `revokeRole` per role). */
  removeRoles(userId: string, roles: string[], namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.removeRoles', 'revokeRole', async () => {
      const targets = [{ targetType: 'USER' as const, targetIdentifier: text(userId, 'userId') }];
      for (const code of texts(roles, 'roles')) await v3.revokeRole({ code, targets, ...(namespace === undefined ? {} : { namespace }) });
      return done('roles revoked');
    });
  }

  /** Whether a user has the role with code `roleCode` (in `namespace` when given). */
  hasRole(userId: string, roleCode: string, namespace?: string): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('users.hasRole', 'getUserRoles', async () => {
      const code = text(roleCode, 'roleCode');
      const { list } = await v3.getUserRoles({ userId, ...(namespace === undefined ? {} : { namespace }) });
      return list.some((role) => role.code === code);
    });
  }

  /**
   * v2's `UserOrgList`: for each department of the user, the path from its organization down to
   * it. Organizations appear by code, which is how v3 names them.
   */
  listOrgs(userId: string): Promise<V2UserOrgList> {
    const { shim, userPoolId } = this.#context;
    return shim.run('users.listOrgs', 'getUserDepartments', async () => {
      const departments = await this.#departments(text(userId, 'userId'));
      return departments.map((department) => toV2OrgPath(department, userPoolId));
    });
  }

  /** The departments of a user: `{ totalCount, list }` of `{ department, isMainDepartment, joinedAt }`. */
  listDepartment(userId: string): Promise<V2Paginated<V2UserDepartment>> {
    const { shim } = this.#context;
    return shim.run('users.listDepartment', 'getUserDepartments', async () => {
      const departments = await this.#departments(text(userId, 'userId'));
      return { totalCount: departments.length, list: departments.map(toV2UserDepartment) };
    });
  }

  /** The resources a user may use in `namespace`, from its own grants and those of its roles, groups and departments. */
  listAuthorizedResources(userId: string, namespace: string, options: { resourceType?: V2ResourceType } = {}): Promise<V2Paginated<V2AuthorizedResource>> {
    const { v3, shim } = this.#context;
    return shim.run('users.listAuthorizedResources', 'getUserAuthorizedResources', async () => {
      const resourceType = options?.resourceType;
      const { totalCount, list } = await v3.getUserAuthorizedResources({ userId, namespace, ...(resourceType === undefined ? {} : { resourceType }) });
      return toV2AuthorizedResources(list, totalCount);
    });
  }

  /** A user's custom data as `{ key: value }`. */
  getUdfValue(userId: string): Promise<V2CustomData> {
    const { v3, shim } = this.#context;
    // getCustomData needs a tenantId that v2 callers do not have; getUser returns the same data.
    return shim.run('users.getUdfValue', 'getUser', async () => {
      const user = await v3.getUser({ userId, withCustomData: true });
      return { ...user.customData };
    });
  }

  /** The custom data of several users: `{ [userId]: { key: value } }`. */
  getUdfValueBatch(userIds: string[]): Promise<Record<string, V2CustomData>> {
    const { v3, shim } = this.#context;
    return shim.run('users.getUdfValueBatch', 'getUserBatch', async () => {
      const users = await v3.getUserBatch({ userIds: texts(userIds, 'userIds'), withCustomData: true });
      return Object.fromEntries(users.map((user) => [user.userId, { ...user.customData }]));
    });
  }

  /** Sets custom data of a user, key by key (the keys must be defined custom fields). */
  setUdfValue(userId: string, data: V2CustomData): Promise<void> {
    const { v3, shim } = this.#context;
    return shim.run('users.setUdfValue', 'setCustomData', async () => {
      await v3.setCustomData({ targetType: 'USER', targetIdentifier: text(userId, 'userId'), list: customDataList(data, 'data') });
    });
  }

  /** Sets custom data of several users. */
  setUdfValueBatch(input: { userId: string; data: V2CustomData }[]): Promise<void> {
    const { v3, shim } = this.#context;
    return shim.run('users.setUdfValueBatch', 'setCustomData', async () => {
      if (!Array.isArray(input) || input.length === 0) throw invalid('input', 'a non-empty array of { userId, data }');
      // Checked in full first, so that bad input sets nothing.
      const writes = input.map((item, index) => {
        if (!isObject(item)) throw invalid(`input[${index}]`, 'an object { userId, data }');
        return { targetIdentifier: text(item.userId, `input[${index}].userId`), list: customDataList(item.data, `input[${index}].data`) };
      });
      for (const write of writes) await v3.setCustomData({ targetType: 'USER', ...write });
    });
  }

  /** Clears one custom data key of a user (v3 has no delete: the key is set to `null`). */
  removeUdfValue(userId: string, key: string): Promise<void> {
    const { v3, shim } = this.#context;
    return shim.run('users.removeUdfValue', 'setCustomData', async () => {
      await v3.setCustomData({ targetType: 'USER', targetIdentifier: text(userId, 'userId'), list: customDataList({ [text(key, 'key')]: null }, 'key') });
    });
  }

  /** Signs users out of every app they are signed in to. */
  kick(userIds: string[]): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.kick', 'ManagementClient.getUserLoggedinApps() then ManagementClient.kickUsers() from @authing/management', async () => {
      for (const userId of texts(userIds, 'userIds')) {
        const appIds = await this.#signedInApps(userId);
        if (appIds.length > 0) await v3.kickUsers({ userId, appIds });
      }
      return done('signed out');
    });
  }

  /** Signs a user out of `options.appId`, or of every app when it is absent. */
  logout(options: { appId?: string; userId: string }): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.logout', 'kickUsers', async () => {
      const { appId, userId } = isObject(options) ? options : { appId: undefined, userId: undefined };
      const id = text(userId, 'options.userId');
      const appIds = appId === undefined ? await this.#signedInApps(id) : [text(appId, 'options.appId')];
      if (appIds.length > 0) await v3.kickUsers({ userId: id, appIds });
      return done('signed out');
    });
  }

  /**
   * Whether a user is signed in: to `appId` when given, else to any app. Resolves `{ isLogin }`;
   * v2's optional `user` and `application` are not filled.
   */
  checkLoginStatus(userId: string, appId?: string, deviceId?: string): Promise<{ isLogin: boolean }> {
    const { v3, shim } = this.#context;
    return shim.run('users.checkLoginStatus', 'checkSessionStatus', async () => {
      const id = text(userId, 'userId');
      if (deviceId !== undefined) throw invalid('deviceId', 'absent: v3 checks sessions per app, not per device');
      if (appId === undefined) return { isLogin: (await this.#signedInApps(id)).length > 0 };
      const { active } = await v3.checkSessionStatus({ userId: id, appId: text(appId, 'appId') });
      return { isLogin: active };
    });
  }

  /** A page of user action logs (sign-ins, sign-ups, profile changes, …) in v2's fields; as `statistics.listUserActions`. */
  listUserActions(options: V2ListUserActionsOptions = { page: 1, limit: 10 }): Promise<V2Paginated<V2UserLogsInfo>> {
    return this.#context.shim.run('users.listUserActions', 'getUserActionLogs', () => readUserActionLogs(this.#context, options));
  }

  /** v2 re-sent the first-login verification email; v3 has no management endpoint for it. */
  sendFirstLoginVerifyEmail(_options: { appId: string; userId: string }): Promise<never> {
    return this.#context.shim.unsupported(
      'users.sendFirstLoginVerifyEmail',
      'v3 has no management endpoint that sends the first-login verification email; the user gets one from AuthenticationClient.sendEmail()',
    );
  }

  /** v2 listed the tenants a user belongs to; v3 has no such lookup. */
  getUserTenants(_userId: string): Promise<never> {
    return this.#context.shim.unsupported(
      'users.getUserTenants',
      'v3 has no list of a user\'s tenants; ManagementClient.getUser() gives the user\'s tenantId, and listTenantUsers() the users of one tenant',
    );
  }

  /** Links an external identity (`userIdInIdp` at identity source `extIdpId`) to a user. */
  linkIdentity(options: V2IdentityOptions & { userIdInIdp: string }): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.linkIdentity', 'linkIdentity', async () => {
      const given: Partial<V2IdentityOptions & { userIdInIdp: string }> = isObject(options) ? options : {};
      await v3.linkIdentity({
        userId: text(given.userId, 'options.userId'),
        userIdInIdp: text(given.userIdInIdp, 'options.userIdInIdp'),
        extIdpId: text(given.extIdpId, 'options.extIdpId'),
        ...(typeof given.type === 'string' ? { type: given.type } : {}),
        ...(typeof given.isSocial === 'boolean' ? { isSocial: given.isSocial } : {}),
      });
      return done('linked');
    });
  }

  /** Unlinks a user's identities from identity source `extIdpId` (only those of `type` when given). */
  unlinkIdentity(options: V2IdentityOptions): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.unlinkIdentity', 'unlinkIdentity', async () => {
      const given: Partial<V2IdentityOptions> = isObject(options) ? options : {};
      await v3.unlinkIdentity({
        userId: text(given.userId, 'options.userId'),
        extIdpId: text(given.extIdpId, 'options.extIdpId'),
        ...(typeof given.type === 'string' ? { type: given.type } : {}),
        ...(typeof given.isSocial === 'boolean' ? { isSocial: given.isSocial } : {}),
      });
      return done('unlinked');
    });
  }

  /** v2 counted the users who had signed in to an app; v3 has no statistics endpoint for it. */
  getApplicationLoginUserNum(_options: { appId?: string }): Promise<never> {
    return this.#context.shim.unsupported(
      'users.getApplicationLoginUserNum',
      'v3 has no statistics endpoint for it; ManagementClient.listUsers({ advancedFilter: [{ field: "loggedInApps", operator: "IN", value: [appId] }] }) answers totalCount',
    );
  }

  /** v2 counted the users of an app that had a custom field set; v3 has no statistics endpoint for it. */
  getUdfFieldUserNum(_options: { definedFieldKey: string; appId?: string }): Promise<never> {
    return this.#context.shim.unsupported(
      'users.getUdfFieldUserNum',
      'v3 has no statistics endpoint for it; ManagementClient.listUsers({ advancedFilter }) on the field and loggedInApps answers totalCount',
    );
  }
}

/** `{ key: value }` as v3's custom data list. */
function customDataList(data: unknown, field: string): SetCustomDataDto[] {
  if (!isObject(data) || Object.keys(data).length === 0) throw invalid(field, 'a non-empty object of custom data');
  // The spec types `value` as a string but documents any type matching the custom field's; v3
  // returns typed values, so typed values are sent (v2 JSON-encoded them for its GraphQL string).
  return Object.entries(data).map(([key, value]) => ({ key, value }) as SetCustomDataDto);
}
