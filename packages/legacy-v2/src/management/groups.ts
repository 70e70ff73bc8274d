import { toV2Group, type V2Group } from '../shapes/group.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2AuthorizedResources, type V2AuthorizedResource, type V2ResourceType } from '../shapes/resource.ts';
import { toV2Member } from '../shapes/udf.ts';
import type { V2User } from '../shapes/user.ts';
import type { ManagementContext } from './context.ts';
import { requireIds } from './input-checks.ts';

/** `listUsers` options, as v2's. */
export interface V2GroupUsersOptions {
  /** Custom data as key-value pairs in each user's `customData`. Default false. */
  withCustomData?: boolean;
  /** Default 1. */
  page?: number;
  /** Default 10. */
  limit?: number;
}

/** v2's `managementClient.groups`. Groups are found by code, as in v2. */
export class GroupsManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** Creates a static group (v3 also has dynamic ones). */
  create(code: string, name: string, description?: string): Promise<V2Group> {
    const { v3, shim } = this.#context;
    return shim.run('groups.create', 'createGroup', async () => toV2Group(await v3.createGroup({ code, name, description: description ?? '', type: 'static' })));
  }

  /** Deletes one group; resolves v2's `{ code: 200, message }`. */
  delete(code: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('groups.delete', 'deleteGroupsBatch', async () => {
      await v3.deleteGroupsBatch({ codeList: requireIds([code], 'code') });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /**
   * Changes a group's name, description or code. v3 needs the description on every update, so
   * when it is not given the group's current one is read first.
   */
  update(code: string, input: { description?: string; newCode?: string; name?: string }): Promise<V2Group> {
    const { v3, shim } = this.#context;
    return shim.run('groups.update', 'ManagementClient.updateGroup() from @authing/management (after getGroup() when no description is given)', async () => {
      const { description, newCode, name } = input ?? {};
      const current = description === undefined ? (await v3.getGroup({ code })).description : description;
      return toV2Group(await v3.updateGroup({ code, description: current ?? '', ...(name === undefined ? {} : { name }), ...(newCode === undefined ? {} : { newCode }) }));
    });
  }

  /** One group by code. */
  detail(code: string): Promise<V2Group> {
    const { v3, shim } = this.#context;
    return shim.run('groups.detail', 'getGroup', async () => toV2Group(await v3.getGroup({ code })));
  }

  /** A page of groups: `{ totalCount, list }`. */
  list(page = 1, limit = 10): Promise<V2Paginated<V2Group>> {
    const { v3, shim } = this.#context;
    return shim.run('groups.list', 'listGroups', async () => {
      const { totalCount, list } = await v3.listGroups({ page, limit });
      return { totalCount, list: list.map(toV2Group) };
    });
  }

  /** Deletes several groups; resolves v2's `{ code: 200, message }`. */
  deleteMany(codeList: string[]): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('groups.deleteMany', 'deleteGroupsBatch', async () => {
      await v3.deleteGroupsBatch({ codeList: requireIds(codeList, 'codeList') });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /** A page of the group's users; with `withCustomData`, each user's custom data as key-value pairs. */
  listUsers(code: string, options?: V2GroupUsersOptions): Promise<V2Paginated<V2User>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('groups.listUsers', 'listGroupMembers', async () => {
      const { withCustomData = false, page = 1, limit = 10 } = options ?? {};
      const { totalCount, list } = await v3.listGroupMembers({ code, page, limit, ...(withCustomData ? { withCustomData } : {}) });
      return { totalCount, list: list.map((user) => toV2Member(user, userPoolId, withCustomData)) };
    });
  }

  /** Adds users to the group; resolves v2's `{ code: 200, message }`. */
  addUsers(code: string, userIds: string[]): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('groups.addUsers', 'addGroupMembers', async () => {
      await v3.addGroupMembers({ code, userIds: requireIds(userIds, 'userIds') });
      return { code: 200 as const, message: 'added' };
    });
  }

  /** Removes users from the group; resolves v2's `{ code: 200, message }`. */
  removeUsers(code: string, userIds: string[]): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('groups.removeUsers', 'removeGroupMembers', async () => {
      await v3.removeGroupMembers({ code, userIds: requireIds(userIds, 'userIds') });
      return { code: 200 as const, message: 'removed' };
    });
  }

  /** The resources the group may access in `namespace`: `{ totalCount, list }` of `{ code, type, actions }`. */
  listAuthorizedResources(code: string, namespace: string, options?: { resourceType?: V2ResourceType }): Promise<V2Paginated<V2AuthorizedResource>> {
    const { v3, shim } = this.#context;
    return shim.run('groups.listAuthorizedResources', 'getGroupAuthorizedResources', async () => {
      const { resourceType } = options ?? {};
      const resources = await v3.getGroupAuthorizedResources({ code, ...(namespace ? { namespace } : {}), ...(resourceType ? { resourceType } : {}) });
      return toV2AuthorizedResources(resources ?? []);
    });
  }
}
