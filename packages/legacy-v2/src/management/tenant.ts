import { isAuthingError, ValidationError } from '@authing/core';
import type { CreateExtIdpConnDto, CreateExtIdpDto, TenantDto, TenantRespDto } from '@authing/management';
import { allPages } from '../all-pages.ts';
import { AuthingV2Error } from '../errors.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import {
  connectionsOf,
  toV2ExtIdp,
  toV2ExtIdpConnection,
  toV2Tenant,
  toV2TenantMember,
  type V2ExtIdp,
  type V2ExtIdpConnection,
  type V2Tenant,
  type V2TenantDetail,
  type V2TenantMember,
  type V2TenantWithUsers,
} from '../shapes/tenant.ts';
import { toV2User } from '../shapes/user.ts';
import { readV2Application } from './applications.ts';
import type { ManagementContext } from './context.ts';
import { requireString } from './input-checks.ts';

/** A connection of an identity source, as v2's `createExtIdp` and `createExtIdpConnection` took it. */
export interface V2ExtIdpConnectionInput {
  type: CreateExtIdpConnDto['type'];
  identifier: string;
  displayName: string;
  fields: Record<string, unknown>;
  /** v3 matches accounts by the identity source's association settings: ignored. */
  userMatchFields?: string[];
  logo?: string;
}

/** Where to switch a connection: v3 switches connections per app. */
export interface V2ExtIdpConnectionState {
  appId?: string;
  tenantId?: string;
  enabled: boolean;
}

/** v2 took a tenant's apps as one comma-separated string; v3 takes a list. */
function appIdsOf(appIds: unknown, field: string): string[] {
  const ids = typeof appIds === 'string' ? appIds.split(',').map((id) => id.trim()).filter(Boolean) : [];
  if (ids.length === 0) throw new ValidationError(`invalid \`${field}\`: application ids, comma-separated`, field);
  return ids;
}

/** A failure Authing answered (v2's state switches resolved `false` for those rather than throwing). */
function isRefusal(error: unknown): boolean {
  if (error instanceof AuthingV2Error) return error.statusCode !== undefined;
  return isAuthingError(error) && (error as { statusCode?: number }).statusCode !== undefined;
}

/** v2's `managementClient.tenant`: tenants, their members and their identity sources. */
export class TenantManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** A page of the pool's tenants; `limit: -1` lists them all, as v2. */
  list(params?: { page?: number; limit?: number }): Promise<V2Paginated<V2Tenant>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('tenant.list', 'listTenants', async () => {
      const { page = 1, limit = 10 } = params ?? {};
      if (limit !== -1) {
        const { totalCount, list } = await v3.listTenants({ page: String(page), limit: String(limit) });
        return { totalCount, list: list.map((tenant) => toV2Tenant(tenant, userPoolId)) };
      }
      const { list: all } = await allPages((next, size) => v3.listTenants({ page: String(next), limit: String(size) }));
      return { totalCount: all.length, list: all.map((tenant) => toV2Tenant(tenant, userPoolId)) };
    });
  }

  /** One tenant, with its applications. */
  details(tenantId: string): Promise<V2TenantDetail> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.details', 'getTenant', async () => this.#detail(await v3.getTenant({ tenantId: requireString(tenantId, 'tenantId') })));
  }

  /** Creates a tenant for the apps in `appIds` (comma-separated); resolves it with its applications. */
  create(options: { name: string; appIds: string; logo?: string; description?: string }): Promise<V2TenantDetail> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.create', 'createTenant', async () => {
      const name = requireString(options?.name, 'options.name');
      const appIds = appIdsOf(options.appIds, 'options.appIds');
      const tenant = await v3.createTenant({
        name,
        appIds,
        ...(options.logo ? { logo: [options.logo] } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
      });
      return this.#detail(tenant);
    });
  }

  /** Changes a tenant's name, apps (comma-separated), logo or description. */
  update(tenantId: string, options: { name?: string; appIds?: string; logo?: string; description?: string }): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.update', 'updateTenant', async () => {
      const { name, appIds, logo, description } = options ?? {};
      if (name === '') throw new ValidationError('invalid `options.name`: a non-empty string', 'options.name');
      const { success } = await v3.updateTenant({
        tenantId: requireString(tenantId, 'tenantId'),
        ...(name !== undefined ? { name } : {}),
        ...(appIds !== undefined ? { appIds: appIdsOf(appIds, 'options.appIds') } : {}),
        ...(logo !== undefined ? { logo: logo ? [logo] : [] } : {}),
        ...(description !== undefined ? { description } : {}),
      });
      return success;
    });
  }

  /** Deletes a tenant. */
  delete(tenantId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.delete', 'deleteTenant', async () => {
      await v3.deleteTenant({ tenantId: requireString(tenantId, 'tenantId') });
      return { code: 200, message: 'deleted' };
    });
  }

  /** v2 gave each tenant its own login-page CSS and settings; v3 tenants have none. */
  config(_tenantId: string, _options: { css?: string; ssoPageCustomizationSettings?: Record<string, boolean> }): Promise<never> {
    return this.#context.shim.unsupported(
      'tenant.config',
      "v3 tenants have no login-page CSS or settings of their own (the login page is set per app, or for the pool's tenant console with updateUserPoolTenantConfig)",
    );
  }

  /** A page of a tenant's members. */
  members(tenantId: string, options?: { page?: number; limit?: number }): Promise<V2Paginated<V2TenantMember>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('tenant.members', 'listTenantUsers', async () => {
      const { page = 1, limit = 10 } = options ?? {};
      const { totalCount, list } = await v3.listTenantUsers({ tenantId: requireString(tenantId, 'tenantId'), options: { pagination: { page, limit } } });
      return { totalCount, list: list.map((member) => toV2TenantMember(member, userPoolId)) };
    });
  }

  /** Adds users of the pool to a tenant; resolves the tenant with those users. */
  addMembers(tenantId: string, userIds: string[]): Promise<V2TenantWithUsers> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('tenant.addMembers', 'addTenantUsers', async () => {
      requireString(tenantId, 'tenantId');
      if (!Array.isArray(userIds) || userIds.length === 0 || userIds.some((id) => typeof id !== 'string' || id === '')) {
        throw new ValidationError('invalid `userIds`: a non-empty array of user ids', 'userIds');
      }
      await v3.addTenantUsers({ tenantId, linkUserIds: userIds });
      const tenant = toV2Tenant(await v3.getTenant({ tenantId }), userPoolId);
      const users = await v3.getUserBatch({ userIds });
      return { ...tenant, users: users.map((user) => toV2User(user, userPoolId)) };
    });
  }

  /** Removes a user from a tenant. */
  removeMembers(tenantId: string, userId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.removeMembers', 'removeTenantUsers', async () => {
      await v3.removeTenantUsers({ tenantId: requireString(tenantId, 'tenantId'), linkUserIds: [requireString(userId, 'userId')] });
      return { code: 200, message: 'removed' };
    });
  }

  /** A tenant's identity sources, with their connections. */
  listExtIdp(tenantId: string): Promise<V2ExtIdp[]> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.listExtIdp', 'listTenantExtIdp', async () => {
      requireString(tenantId, 'tenantId');
      const { list } = await v3.listTenantExtIdp({ tenantId });
      // The list has no connections; each identity source's detail has them.
      return Promise.all(list.map(async (extIdp) => ({ ...toV2ExtIdp(extIdp), connections: connectionsOf((await v3.getExtIdp({ id: extIdp.id, tenantId })).connections) })));
    });
  }

  /** One identity source, with its connections. */
  extIdpDetail(extIdpId: string): Promise<V2ExtIdp> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.extIdpDetail', 'getExtIdp', async () => toV2ExtIdp(await v3.getExtIdp({ id: requireString(extIdpId, 'extIdpId') })));
  }

  /** Creates an identity source with its connections; resolves it. */
  createExtIdp(options: { tenantId?: string; name: string; type: CreateExtIdpDto['type']; connections?: V2ExtIdpConnectionInput[] }): Promise<V2ExtIdp> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.createExtIdp', 'ManagementClient.createExtIdp() then createExtIdpConn() for each connection, from @authing/management', async () => {
      const name = requireString(options?.name, 'options.name');
      const type = requireString(options.type, 'options.type') as CreateExtIdpDto['type'];
      const { tenantId, connections = [] } = options;
      connections.forEach((connection, index) => this.#checkConnection(connection, `options.connections[${index}]`));
      const extIdp = await v3.createExtIdp({ name, type, ...(tenantId ? { tenantId } : {}) });
      for (const connection of connections) await v3.createExtIdpConn(this.#connection(extIdp.id, connection, tenantId));
      return toV2ExtIdp(await v3.getExtIdp({ id: extIdp.id, ...(tenantId ? { tenantId } : {}) }));
    });
  }

  /** Renames an identity source. */
  updateExtIdp(extIdpId: string, options: { name: string }): Promise<V2ExtIdp> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.updateExtIdp', 'updateExtIdp', async () =>
      toV2ExtIdp(await v3.updateExtIdp({ id: requireString(extIdpId, 'extIdpId'), name: requireString(options?.name, 'options.name') })),
    );
  }

  /** Deletes an identity source. */
  deleteExtIdp(extIdpId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.deleteExtIdp', 'deleteExtIdp', async () => {
      await v3.deleteExtIdp({ id: requireString(extIdpId, 'extIdpId') });
      return { code: 200, message: 'deleted' };
    });
  }

  /** Adds a connection to an identity source. */
  createExtIdpConnection(options: V2ExtIdpConnectionInput & { extIdpId: string }): Promise<V2ExtIdpConnection> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.createExtIdpConnection', 'createExtIdpConn', async () => {
      const extIdpId = requireString(options?.extIdpId, 'options.extIdpId');
      this.#checkConnection(options, 'options');
      return toV2ExtIdpConnection(await v3.createExtIdpConn(this.#connection(extIdpId, options, undefined)));
    });
  }

  /** Changes a connection's display name, fields or logo. */
  updateExtIdpConnection(extIdpConnectionId: string, options: { displayName: string; fields: Record<string, unknown>; userMatchFields?: string[]; logo?: string }): Promise<V2ExtIdpConnection> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.updateExtIdpConnection', 'updateExtIdpConn', async () => {
      const id = requireString(extIdpConnectionId, 'extIdpConnectionId');
      const displayName = requireString(options?.displayName, 'options.displayName');
      if (typeof options.fields !== 'object' || options.fields === null) throw new ValidationError('invalid `options.fields`: an object', 'options.fields');
      return toV2ExtIdpConnection(await v3.updateExtIdpConn({ id, displayName, fields: options.fields, ...(options.logo ? { logo: options.logo } : {}) }));
    });
  }

  /** Deletes a connection. */
  deleteExtIdpConnection(extIdpConnectionId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.deleteExtIdpConnection', 'deleteExtIdpConn', async () => {
      await v3.deleteExtIdpConn({ id: requireString(extIdpConnectionId, 'extIdpConnectionId') });
      return { code: 200, message: 'deleted' };
    });
  }

  /** v2 asked whether a connection identifier was free; v3 only refuses a taken one on create. */
  checkExtIdpConnectionIdentifierUnique(_identifier: string): Promise<never> {
    return this.#context.shim.unsupported(
      'tenant.checkExtIdpConnectionIdentifierUnique',
      'v3 has no identifier check: createExtIdpConn refuses an identifier that is taken',
    );
  }

  /**
   * Switches a connection on or off for an app. As v2, resolves `false` when Authing refuses
   * (bad input still throws). v3 switches per app, so `appId` is required.
   */
  changeExtIdpConnectionState(extIdpConnectionId: string, options: V2ExtIdpConnectionState): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.changeExtIdpConnectionState', 'changeExtIdpConnState', async () => {
      const id = requireString(extIdpConnectionId, 'extIdpConnectionId');
      const { appId, tenantId, enabled } = this.#checkState(options);
      try {
        await v3.changeExtIdpConnState({ id, appId, enabled, ...(tenantId ? { tenantId } : {}) });
        return true;
      } catch (error) {
        if (isRefusal(error)) return false;
        throw error;
      }
    });
  }

  /** Switches every connection of an identity source on or off for an app; `false` when Authing refuses. */
  batchChangeExtIdpConnectionState(extIdpId: string, options: V2ExtIdpConnectionState): Promise<boolean> {
    const { v3, shim } = this.#context;
    return shim.run('tenant.batchChangeExtIdpConnectionState', 'ManagementClient.getExtIdp() then changeExtIdpConnState() for each connection, from @authing/management', async () => {
      const id = requireString(extIdpId, 'extIdpId');
      const { appId, tenantId, enabled } = this.#checkState(options);
      try {
        const connections = connectionsOf((await v3.getExtIdp({ id, ...(tenantId ? { tenantId } : {}) })).connections) ?? [];
        for (const connection of connections) await v3.changeExtIdpConnState({ id: connection.id, appId, enabled, ...(tenantId ? { tenantId } : {}) });
        return true;
      } catch (error) {
        if (isRefusal(error)) return false;
        throw error;
      }
    });
  }

  async #detail(tenant: TenantDto | TenantRespDto): Promise<V2TenantDetail> {
    const { v3, userPoolId } = this.#context;
    const apps = await Promise.all((tenant.appIds ?? []).map((appId) => readV2Application(v3, appId, userPoolId)));
    return { ...toV2Tenant(tenant, userPoolId), apps };
  }

  #checkConnection(connection: V2ExtIdpConnectionInput, where: string): void {
    if (typeof connection !== 'object' || connection === null) throw new ValidationError(`invalid \`${where}\`: a connection`, where);
    requireString(connection.type, `${where}.type`);
    requireString(connection.identifier, `${where}.identifier`);
    requireString(connection.displayName, `${where}.displayName`);
    if (typeof connection.fields !== 'object' || connection.fields === null) throw new ValidationError(`invalid \`${where}.fields\`: an object`, `${where}.fields`);
  }

  #connection(extIdpId: string, connection: V2ExtIdpConnectionInput, tenantId: string | undefined): CreateExtIdpConnDto {
    return {
      extIdpId,
      type: connection.type,
      identifier: connection.identifier,
      displayName: connection.displayName,
      fields: connection.fields,
      ...(connection.logo ? { logo: connection.logo } : {}),
      ...(tenantId ? { tenantId } : {}),
    };
  }

  #checkState(options: V2ExtIdpConnectionState): { appId: string; tenantId: string | undefined; enabled: boolean } {
    if (typeof options?.enabled !== 'boolean') throw new ValidationError('invalid `options.enabled`: true or false', 'options.enabled');
    const appId = requireString(options.appId, 'options.appId');
    return { appId, tenantId: options.tenantId, enabled: options.enabled };
  }
}
