import type { AdminAuditLogDto, UserActionLogDto } from '@authing/management';
import { or } from './nullable.ts';

/** What v2's `users.listUserActions` and `statistics.listUserActions` filter user actions by. */
export interface V2ListUserActionsOptions {
  clientIp?: string;
  /** At most one: v3 filters by one event type. */
  operationNames?: string[];
  /** At most one: v3 filters by one user. */
  userIds?: string[];
  page?: number;
  limit?: number;
  /** v3 has no such filter: see each method for what it does with it. */
  excludeNonAppRecords?: boolean;
  /** At most one: v3 filters by one app. */
  appIds?: string[];
  start?: number;
  end?: number;
}

/** One user action, in v2's fields (`UserLogsInfo`). */
export interface V2UserLogsInfo {
  userpoolId: string;
  userId: string | null;
  username: string | null;
  cityName: string | null;
  regionName: string | null;
  clientIp: string | null;
  /** v3's event detail (v2 had a short description of the operation). */
  operationDesc: string | null;
  /** v3's event type (`login`, `register`, `updateUserPassword`, …). */
  operationName: string | null;
  timestamp: string | null;
  appId: string | null;
  appName: string | null;
}

/** One administrator action, in v2's fields (`AdminLogsInfo`). */
export interface V2AdminLogsInfo {
  userpoolId: string;
  operatorType: null;
  operatorId: string | null;
  operatorName: string | null;
  /** v3's operation type (`create`, `delete`, …); v2 joined it with the resource (`createUser`). */
  operationName: string | null;
  cityName: string | null;
  regionName: string | null;
  clientIp: string | null;
  resourceType: string | null;
  /** v3's event detail. */
  resourceDesc: string | null;
  resource_arn: null;
  timestamp: string | null;
}

export function toV2UserLog(log: UserActionLogDto, userPoolId: string): V2UserLogsInfo {
  return {
    userpoolId: userPoolId,
    userId: or(log.userId),
    username: or(log.userDisplayName),
    cityName: or(log.geoip?.city_name),
    regionName: or(log.geoip?.region_name),
    clientIp: or(log.clientIp),
    operationDesc: or(log.eventDetail),
    operationName: or(log.eventType),
    timestamp: or(log.timestamp),
    appId: or(log.appId),
    appName: or(log.appName),
  };
}

export function toV2AdminLog(log: AdminAuditLogDto, userPoolId: string): V2AdminLogsInfo {
  return {
    userpoolId: userPoolId,
    operatorType: null,
    operatorId: or(log.adminUserId),
    operatorName: or(log.adminUserDisplayName),
    operationName: or(log.operationType),
    cityName: or(log.geoip?.city_name),
    regionName: or(log.geoip?.region_name),
    clientIp: or(log.clientIp),
    resourceType: or(log.resourceType),
    resourceDesc: or(log.eventDetail),
    resource_arn: null,
    timestamp: or(log.timestamp),
  };
}
