import type { GroupRecord, RoleRecord, UserRecord } from './state.ts';
import type { Store } from './store.ts';
import { optBoolean, optInteger, type Fields } from './validate.ts';

/** Profile fields a user carries as plain strings, as in UserDto. */
export const profileFields = [
  'name', 'nickname', 'photo', 'birthdate', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode',
  'company', 'browser', 'device', 'givenName', 'familyName', 'middleName', 'profile', 'preferredUsername', 'website',
  'zoneinfo', 'locale', 'formatted', 'region', 'identityNumber',
] as const;

/**
 * A stored user as the API shows it. The password hash is never copied;
 * absent fields are omitted rather than null, as the spec's schemas expect.
 * `customData` is included only when asked for, as Authing does.
 */
export function toUserDto(user: UserRecord, options: { withCustomData?: boolean } = {}): Record<string, unknown> {
  return {
    userId: user.userId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    status: user.status,
    workStatus: 'Active',
    ...(user.email !== undefined ? { email: user.email } : {}),
    ...(user.phone !== undefined ? { phone: user.phone } : {}),
    ...(user.phoneCountryCode !== undefined ? { phoneCountryCode: user.phoneCountryCode } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
    ...(user.externalId !== undefined ? { externalId: user.externalId } : {}),
    ...user.profile,
    gender: user.gender,
    emailVerified: user.emailVerified,
    phoneVerified: user.phoneVerified,
    loginsCount: user.loginsCount,
    ...(user.lastLogin !== undefined ? { lastLogin: user.lastLogin } : {}),
    ...(user.passwordLastSetAt !== undefined ? { passwordLastSetAt: user.passwordLastSetAt } : {}),
    userSourceType: user.userSourceType,
    ...(options.withCustomData ? { customData: { ...user.customData } } : {}),
  };
}

export function toRoleDto(role: RoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    code: role.code,
    name: role.name,
    description: role.description,
    namespace: role.namespace,
    namespaceName: role.namespace === 'default' ? '默认权限分组' : role.namespace,
    status: 'ENABLE',
  };
}

export function toGroupDto(group: GroupRecord, store: Store): Record<string, unknown> {
  return {
    id: group.id,
    code: group.code,
    name: group.name,
    description: group.description,
    type: group.type,
    metadataSource: [],
    members: group.members.flatMap((id) => {
      const user = store.findUser('user_id', id);
      return user ? [toUserDto(user)] : [];
    }),
  };
}

/** `page` (from 1) and `limit` (default 10, as Authing's) read from a query or a pagination object. */
export function pageOf(fields: Fields, path: (key: string) => string = (key) => key): { page: number; limit: number } {
  return {
    page: optInteger(fields, 'page', path('page')) ?? 1,
    limit: Math.min(optInteger(fields, 'limit', path('limit')) ?? 10, 1000),
  };
}

export function slice<T>(items: readonly T[], { page, limit }: { page: number; limit: number }): T[] {
  return items.slice((page - 1) * limit, page * limit);
}

export function withCustomData(fields: Fields): boolean {
  return optBoolean(fields, 'withCustomData') ?? false;
}
