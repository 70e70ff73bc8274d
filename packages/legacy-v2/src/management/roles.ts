import { ValidationError } from '@authing/core';
import type { RoleDto } from '@authing/management';
import { allPages, pageSize } from '../all-pages.ts';
import { AuthingV2Error } from '../errors.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2AuthorizedResources, type V2AuthorizedResource, type V2ResourceType } from '../shapes/resource.ts';
import { toV2Role, type V2Role } from '../shapes/role.ts';
import { toV2Member, type V2KeyValuePair } from '../shapes/udf.ts';
import type { V2User } from '../shapes/user.ts';
import type { ManagementContext } from './context.ts';
import { requireIds, requireString, requireValues } from './input-checks.ts';
import { readCustomData, writeCustomData } from './udf.ts';

/** `listUsers` options, as v2's. */
export interface V2RoleUsersOptions {
  /** The role's permission namespace. Default `default`. */
  namespace?: string;
  /** Custom data as key-value pairs in each user's `customData`. Default false. */
  withCustomData?: boolean;
  /** Default 1. */
  page?: number;
  /** Default 10. */
  limit?: number;
}

/** Enough pages for any real pool, and a bound on a server that keeps answering full pages. */
const maxPages = 200;

const byRoleCode = '(v3 keeps custom data by role code: the role id is looked up with listRoles() first)';

/** v2's `managementClient.roles`. Roles are found by code (and namespace), as in v2; the custom-data methods take role ids, as v2's did. */
export class RolesManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** Creates a role in `namespace` (default `default`). */
  create(code: string, description?: string, namespace?: string): Promise<V2Role> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('roles.create', 'createRole', async () =>
      toV2Role(await v3.createRole({ code, ...(description === undefined ? {} : { description }), ...(namespace ? { namespace } : {}) }), userPoolId),
    );
  }

  /** Deletes one role; resolves v2's `{ code: 200, message }`. */
  delete(code: string, namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('roles.delete', 'deleteRolesBatch', async () => {
      await v3.deleteRolesBatch({ codeList: requireIds([code], 'code'), ...(namespace ? { namespace } : {}) });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /** Deletes several roles of one namespace; resolves v2's `{ code: 200, message }`. */
  deleteMany(codeList: string[], namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('roles.deleteMany', 'deleteRolesBatch', async () => {
      await v3.deleteRolesBatch({ codeList: requireIds(codeList, 'codeList'), ...(namespace ? { namespace } : {}) });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /**
   * Changes a role's description or code. v3 needs the role's name on every update and answers
   * only success, so the role is read first and the answer is that role with the changes.
   */
  update(code: string, options: { description?: string; newCode?: string; namespace?: string }): Promise<V2Role> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('roles.update', 'ManagementClient.updateRole() from @authing/management (after getRole(): v3 needs the role name)', async () => {
      const { description, newCode, namespace } = options ?? {};
      const current = await v3.getRole({ code, ...(namespace ? { namespace } : {}) });
      const changed: RoleDto = { ...current, code: newCode ?? current.code, description: description ?? current.description };
      await v3.updateRole({
        code,
        newCode: changed.code,
        name: current.name,
        namespace: current.namespace,
        ...(changed.description === undefined ? {} : { description: changed.description }),
      });
      return toV2Role(changed, userPoolId);
    });
  }

  /** One role by code. Deprecated in v2 itself in favour of `findByCode`. */
  detail(code: string, namespace?: string): Promise<V2Role> {
    return this.#get('roles.detail', code, namespace);
  }

  /** One role by code. */
  findByCode(code: string, namespace?: string): Promise<V2Role> {
    return this.#get('roles.findByCode', code, namespace);
  }

  #get(method: string, code: string, namespace: string | undefined): Promise<V2Role> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run(method, 'getRole', async () => toV2Role(await v3.getRole({ code, ...(namespace ? { namespace } : {}) }), userPoolId));
  }

  /**
   * A page of the roles of a namespace: `{ totalCount, list }`. Takes v2's options object, and
   * also the `(page, limit)` of v2's earlier releases and docs.
   */
  list(options?: { page?: number; limit?: number; namespace?: string } | number, limit?: number): Promise<V2Paginated<V2Role>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('roles.list', 'listRoles', async () => {
      const { page = 1, limit: size = 10, namespace } = typeof options === 'number' ? { page: options, limit, namespace: undefined } : (options ?? {});
      const { totalCount, list } = await v3.listRoles({ page, limit: size, ...(namespace ? { namespace } : {}) });
      return { totalCount, list: list.map((role) => toV2Role(role, userPoolId)) };
    });
  }

  /** A page of the role's users; with `withCustomData`, each user's custom data as key-value pairs. */
  listUsers(code: string, options?: V2RoleUsersOptions): Promise<V2Paginated<V2User>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('roles.listUsers', 'listRoleMembers', async () => {
      const { namespace, withCustomData = false, page = 1, limit = 10 } = options ?? {};
      const { totalCount, list } = await v3.listRoleMembers({ code, page, limit, ...(namespace ? { namespace } : {}), ...(withCustomData ? { withCustomData } : {}) });
      return { totalCount, list: list.map((user) => toV2Member(user, userPoolId, withCustomData)) };
    });
  }

  /**
   * A page of the role's users whose username, nickname, name, email or phone contains `search`
   * (case-insensitive). v3 cannot search a role's members, so with `search` every member is read
   * and the page is cut locally; v2 also matched department names, which v3 members do not carry.
   */
  findUsers(code: string, options?: { namespace?: string; search?: string; page?: number; limit?: number }): Promise<V2Paginated<V2User>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('roles.findUsers', 'ManagementClient.listRoleMembers() from @authing/management (search is applied to the members locally)', async () => {
      const { namespace = 'default', search = '', page = 1, limit = 10 } = options ?? {};
      if (!search) {
        const { totalCount, list } = await v3.listRoleMembers({ code, namespace, page, limit });
        return { totalCount, list: list.map((user) => toV2Member(user, userPoolId, false)) };
      }
      const needle = search.toLowerCase();
      const members = await allPages((current, size) => v3.listRoleMembers({ code, namespace, page: current, limit: size }), maxPages);
      const matches = members.list.filter((user) => [user.username, user.nickname, user.name, user.email, user.phone].some((field) => field?.toLowerCase().includes(needle)));
      return { totalCount: matches.length, list: matches.slice((page - 1) * limit, page * limit).map((user) => toV2Member(user, userPoolId, false)) };
    });
  }

  /** Assigns the role to users; resolves v2's `{ code: 200, message }`. */
  addUsers(code: string, userIds: string[], namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('roles.addUsers', 'assignRole', async () => {
      const targets = requireIds(userIds, 'userIds').map((id) => ({ targetType: 'USER' as const, targetIdentifier: id }));
      await v3.assignRole({ code, targets, ...(namespace ? { namespace } : {}) });
      return { code: 200 as const, message: 'assigned' };
    });
  }

  /** Revokes the role from users; resolves v2's `{ code: 200, message }`. */
  removeUsers(code: string, userIds: string[], namespace?: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('roles.removeUsers', 'revokeRole', async () => {
      const targets = requireIds(userIds, 'userIds').map((id) => ({ targetType: 'USER' as const, targetIdentifier: id }));
      await v3.revokeRole({ code, targets, ...(namespace ? { namespace } : {}) });
      return { code: 200 as const, message: 'revoked' };
    });
  }

  /** v2's policies (reusable permission statements) do not exist in v3. */
  listPolicies(_code: string, _page = 1, _limit = 10): Promise<never> {
    return this.#context.shim.unsupported('roles.listPolicies', 'v3 has no policy objects; list what the role may access with getRoleAuthorizedResources');
  }

  /** v2's policies (reusable permission statements) do not exist in v3. */
  addPolicies(_code: string, _policies: string[]): Promise<never> {
    return this.#context.shim.unsupported('roles.addPolicies', 'v3 has no policy objects; grant the role resources with authorizeResources');
  }

  /** v2's policies (reusable permission statements) do not exist in v3. */
  removePolicies(_code: string, _policies: string[]): Promise<never> {
    return this.#context.shim.unsupported('roles.removePolicies', 'v3 has no policy objects; change what the role may access with authorizeResources');
  }

  /** The resources the role may access in `namespace`: `{ totalCount, list }` of `{ code, type, actions }`. */
  listAuthorizedResources(code: string, namespace: string, options?: { resourceType?: V2ResourceType }): Promise<V2Paginated<V2AuthorizedResource>> {
    const { v3, shim } = this.#context;
    return shim.run('roles.listAuthorizedResources', 'getRoleAuthorizedResources', async () => {
      const { resourceType } = options ?? {};
      const { totalCount, list } = await v3.getRoleAuthorizedResources({ code, ...(namespace ? { namespace } : {}), ...(resourceType ? { resourceType } : {}) });
      return toV2AuthorizedResources(list ?? [], totalCount);
    });
  }

  /** The role's custom data: `{ key: value }`. */
  getUdfValue(roleId: string): Promise<V2KeyValuePair> {
    const context = this.#context;
    return context.shim.run('roles.getUdfValue', `ManagementClient.getCustomData() from @authing/management ${byRoleCode}`, async () => {
      const role = await this.#roleById(roleId);
      return readCustomData(context, 'ROLE', role.code, role.namespace);
    });
  }

  /** One custom value of the role: `{ [udfKey]: value }`, or `{}` when it has none. */
  getSpecificUdfValue(roleId: string, udfKey: string): Promise<V2KeyValuePair> {
    const context = this.#context;
    return context.shim.run('roles.getSpecificUdfValue', `ManagementClient.getCustomData() from @authing/management ${byRoleCode}`, async () => {
      const key = requireString(udfKey, 'udfKey');
      const role = await this.#roleById(roleId);
      const data = await readCustomData(context, 'ROLE', role.code, role.namespace);
      return Object.hasOwn(data, key) ? { [key]: data[key] } : {};
    });
  }

  /** The custom data of several roles: `{ [roleId]: { key: value } }`. */
  getUdfValueBatch(roleIds: string[]): Promise<Record<string, V2KeyValuePair>> {
    const context = this.#context;
    return context.shim.run('roles.getUdfValueBatch', `ManagementClient.getCustomData() from @authing/management, once per role ${byRoleCode}`, async () => {
      const roles = await this.#rolesById(requireIds(roleIds, 'roleIds'));
      const values = await Promise.all(roles.map((role) => readCustomData(context, 'ROLE', role.code, role.namespace)));
      return Object.fromEntries(roles.map((role, index) => [role.id, values[index] ?? {}]));
    });
  }

  /** Sets custom values of the role, key by key; other keys keep their values. */
  setUdfValue(roleId: string, data: V2KeyValuePair): Promise<void> {
    const context = this.#context;
    return context.shim.run('roles.setUdfValue', `ManagementClient.setCustomData() from @authing/management ${byRoleCode}`, async () => {
      const values = requireValues(data, 'data');
      const role = await this.#roleById(roleId);
      await writeCustomData(context, 'ROLE', role.code, values, role.namespace);
    });
  }

  /** Sets custom values of several roles. */
  setUdfValueBatch(input: { roleId: string; data: V2KeyValuePair }[]): Promise<void> {
    const context = this.#context;
    return context.shim.run('roles.setUdfValueBatch', `ManagementClient.setCustomData() from @authing/management, once per role ${byRoleCode}`, async () => {
      if (!Array.isArray(input) || input.length === 0) throw new ValidationError('invalid `input`: a non-empty array of { roleId, data }', 'input');
      const items = input.map((item, index) => ({
        roleId: requireString(item?.roleId, `input[${index}].roleId`),
        data: requireValues(item?.data, `input[${index}].data`),
      }));
      const roles = await this.#rolesById(items.map((item) => item.roleId));
      // One role at a time, in the caller's order.
      for (const [index, { data }] of items.entries()) {
        const role = roles[index];
        if (role) await writeCustomData(context, 'ROLE', role.code, data, role.namespace);
      }
    });
  }

  /** Clears one custom value of the role (v3 cannot delete a value: it is set to `null`). */
  removeUdfValue(roleId: string, key: string): Promise<void> {
    const context = this.#context;
    return context.shim.run('roles.removeUdfValue', `ManagementClient.setCustomData() from @authing/management, with the value null ${byRoleCode}`, async () => {
      const name = requireString(key, 'key');
      const role = await this.#roleById(roleId);
      await writeCustomData(context, 'ROLE', role.code, { [name]: null }, role.namespace);
    });
  }

  /**
   * The roles with these ids, in order. v2 addressed role custom data by id, v3 by code and
   * namespace, and v3 has no lookup by id: the default namespace's roles are listed until all
   * are found.
   */
  async #rolesById(ids: string[]): Promise<RoleDto[]> {
    const wanted = new Set(ids);
    const found = new Map<string, RoleDto>();
    for (let page = 1; page <= maxPages && found.size < wanted.size; page++) {
      const { totalCount, list } = await this.#context.v3.listRoles({ page, limit: pageSize });
      for (const role of list) if (wanted.has(role.id)) found.set(role.id, role);
      if (list.length < pageSize || page * pageSize >= totalCount) break;
    }
    return ids.map((id) => {
      const role = found.get(id);
      if (!role) throw new AuthingV2Error(404, `role ${id} not found in the default namespace`);
      return role;
    });
  }

  async #roleById(roleId: string): Promise<RoleDto> {
    const [role] = await this.#rolesById([requireString(roleId, 'roleId')]);
    if (!role) throw new AuthingV2Error(404, `role ${roleId} not found in the default namespace`);
    return role;
  }
}
