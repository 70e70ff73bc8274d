import { ValidationError } from '@authing/core';
import type { GetAdminAuditLogsDto, GetUserActionLogsDto } from '@authing/management';
import type { V2Paginated } from '../shapes/paginated.ts';
import { toV2AdminLog, toV2UserLog, type V2AdminLogsInfo, type V2ListUserActionsOptions, type V2UserLogsInfo } from '../shapes/statistics.ts';
import type { ManagementContext } from './context.ts';

/** v2's user action names (`SupportedUserActionEnum`) → v3 event types; other names are sent as they are. */
const userEventTypes: Readonly<Record<string, string>> = {
  login: 'login',
  register: 'register',
  deleteAccount: 'deleteAccount',
  updateUserinfo: 'updateUserPrefile',
  refreshToken: 'refreshUserTokenBySelf',
  updateEmail: 'updateUserEmail',
  updatePhone: 'updateUserPhone',
  updatePassword: 'updateUserPassword',
  verifyMfa: 'verifyMfa',
};

/** v2's administrator action names (`SupportedAdminActionEnum`) that v3 splits into an operation and a resource type. */
const adminOperations: Readonly<Record<string, { operationType: string; resourceType: string }>> = {
  createUser: { operationType: 'create', resourceType: 'user' },
  deleteUser: { operationType: 'delete', resourceType: 'user' },
  deleteUsers: { operationType: 'delete', resourceType: 'user' },
  importUser: { operationType: 'import', resourceType: 'user' },
  exportUser: { operationType: 'export', resourceType: 'user' },
  createUserpool: { operationType: 'create', resourceType: 'userpool' },
  deleteUserpool: { operationType: 'delete', resourceType: 'userpool' },
  'userpool:UpdateConfig': { operationType: 'update', resourceType: 'userpool' },
  refreshUserpoolSecret: { operationType: 'refresh', resourceType: 'userpool' },
};

/** v3 filters by one value where v2 took a list: more than one is refused rather than half-applied. */
function one(values: string[] | undefined, field: string, what: string): string | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new ValidationError(`invalid \`${field}\`: an array`, field);
  const distinct = [...new Set(values)];
  if (distinct.length > 1) throw new ValidationError(`invalid \`${field}\`: v3 filters by one ${what} at a time (call once per value)`, field);
  return distinct[0];
}

function pagination(page: number | undefined, limit: number | undefined): { page?: number; limit?: number } | undefined {
  return page || limit ? { ...(page ? { page } : {}), ...(limit ? { limit } : {}) } : undefined;
}

/**
 * A page of user actions, for `statistics.listUserActions` and `users.listUserActions` (v2 sent
 * the same request for both). v3 takes one user, one app and one action per query (v2 took
 * lists); `excludeNonAppRecords` drops, from the page v3 returns, the records without an app.
 */
export async function readUserActionLogs(context: ManagementContext, options: V2ListUserActionsOptions | undefined): Promise<V2Paginated<V2UserLogsInfo>> {
  const operationName = one(options?.operationNames, 'operationNames', 'action');
  const query: GetUserActionLogsDto = {
    clientIp: options?.clientIp || undefined,
    eventType: operationName === undefined ? undefined : (userEventTypes[operationName] ?? operationName),
    userId: one(options?.userIds, 'userIds', 'user'),
    appId: one(options?.appIds, 'appIds', 'app'),
    start: options?.start,
    end: options?.end,
    pagination: pagination(options?.page, options?.limit),
  };
  const { totalCount, list } = await context.v3.getUserActionLogs(query);
  const kept = options?.excludeNonAppRecords ? list.filter((log) => Boolean(log.appId)) : list;
  return { totalCount, list: kept.map((log) => toV2UserLog(log, context.userPoolId)) };
}

/** v2's `managementClient.statistics`: user action logs and administrator audit logs. */
export class StatisticsManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /**
   * A page of user actions. v3 takes one user, one app and one action per query (v2 took lists);
   * `excludeNonAppRecords` drops, from the page v3 returns, the records without an app.
   */
  listUserActions(options?: V2ListUserActionsOptions): Promise<V2Paginated<V2UserLogsInfo>> {
    return this.#context.shim.run('statistics.listUserActions', 'getUserActionLogs', () => readUserActionLogs(this.#context, options));
  }

  /**
   * A page of administrator actions. v2's action names map to v3's operation and resource types
   * for the documented ones (`createUser`, `deleteUser`, …); v3 cannot filter by app.
   */
  listAuditLogs(options?: {
    clientIp?: string;
    operationNames?: string[];
    userIds?: string[];
    appIds?: string[];
    page?: number;
    limit?: number;
  }): Promise<V2Paginated<V2AdminLogsInfo>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('statistics.listAuditLogs', 'getAdminAuditLogs', async () => {
      if (options?.appIds !== undefined && options.appIds.length > 0) {
        throw new ValidationError('invalid `appIds`: v3 audit logs cannot be filtered by app', 'appIds');
      }
      const names = options?.operationNames;
      if (names !== undefined && !Array.isArray(names)) throw new ValidationError('invalid `operationNames`: an array', 'operationNames');
      const operations = [...new Set((names ?? []).map((name) => {
        const operation = adminOperations[name];
        if (!operation) throw new ValidationError(`invalid \`operationNames\`: v3 has no filter for "${name}" (it filters by operationType and resourceType)`, 'operationNames');
        return `${operation.operationType}/${operation.resourceType}`;
      }))];
      if (operations.length > 1) throw new ValidationError('invalid `operationNames`: v3 filters by one operation at a time (call once per value)', 'operationNames');
      const [operationType, resourceType] = operations[0]?.split('/') ?? [];
      const query: GetAdminAuditLogsDto = {
        clientIp: options?.clientIp || undefined,
        operationType,
        resourceType,
        userId: one(options?.userIds, 'userIds', 'user'),
        pagination: pagination(options?.page, options?.limit),
      };
      const { totalCount, list } = await v3.getAdminAuditLogs(query);
      return { totalCount, list: list.map((log) => toV2AdminLog(log, userPoolId)) };
    });
  }
}
