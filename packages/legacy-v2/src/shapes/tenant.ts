import type { ExtIdpConnDetail, ExtIdpDetail, ExtIdpDto, TenantDto, TenantRespDto, TenantUserDto } from '@authing/management';
import type { V2Application } from './application.ts';
import { toV2User, type V2User } from './user.ts';

/**
 * A tenant as v2 returned it. v3 tenants keep no dates and no per-tenant login-page settings
 * (CSS, tabs, extended fields): those fields are `null`.
 */
export interface V2Tenant {
  id: string;
  createdAt: null;
  updatedAt: null;
  userPoolId: string;
  name: string;
  /** v3 keeps a list of logos; v2 had one (the first). */
  logo: string | null;
  description: string | null;
  css: null;
  ssoPageCustomizationSettings: null;
  defaultLoginTab: null;
  defaultRegisterTab: null;
  passwordTabConfig: null;
  loginTabs: null;
  registerTabs: null;
  extendsFields: null;
}

/** A tenant with its applications, as v2's `tenant.details` and `tenant.create` returned it. */
export interface V2TenantDetail extends V2Tenant {
  apps: V2Application[];
}

/** A tenant with the users just added, as v2's `tenant.addMembers` returned it. */
export interface V2TenantWithUsers extends V2Tenant {
  users: V2User[];
}

/** One member of a tenant, as v2's `tenant.members` listed it. */
export interface V2TenantMember {
  /** The membership id (v3: `memberId`). */
  id: string;
  tenantId: string;
  user: V2User;
}

/** A connection of an identity source, in v2's fields. */
export interface V2ExtIdpConnection {
  id: string;
  type: string;
  identifier: string | null;
  displayName: string | null;
  logo: string | null;
  /** v3 switches connections per app, not globally. */
  enabled: null;
}

/** An identity source (`extIdp`), in v2's fields. */
export interface V2ExtIdp {
  id: string;
  name: string;
  type: string;
  tenantId: string | null;
  logo: string | null;
  /** `null` where v3 lists an identity source without its connections. */
  connections: V2ExtIdpConnection[] | null;
}

export function toV2Tenant(tenant: TenantDto | TenantRespDto, userPoolId: string): V2Tenant {
  return {
    id: tenant.tenantId,
    createdAt: null,
    updatedAt: null,
    userPoolId: tenant.userPoolId || userPoolId,
    name: tenant.name,
    logo: tenant.logo?.[0] ?? null,
    description: tenant.description || null,
    css: null,
    ssoPageCustomizationSettings: null,
    defaultLoginTab: null,
    defaultRegisterTab: null,
    passwordTabConfig: null,
    loginTabs: null,
    registerTabs: null,
    extendsFields: null,
  };
}

/** A v3 tenant member: `linkUserId` is the user's id in the pool. */
export function toV2TenantMember(member: TenantUserDto, userPoolId: string): V2TenantMember {
  const { linkUserId, memberId, tenantId, isTenantAdmin: _admin, password: _password, salt: _salt, lastLoginApp: _app, phoneCountryCode: _country, userPoolId: _pool, ...profile } = member;
  return { id: memberId, tenantId, user: toV2User({ ...profile, userId: linkUserId }, userPoolId) };
}

export function toV2ExtIdpConnection(connection: Pick<ExtIdpConnDetail, 'id' | 'type'> & Partial<ExtIdpConnDetail>): V2ExtIdpConnection {
  return {
    id: connection.id,
    type: connection.type,
    identifier: connection.identifier ?? null,
    displayName: connection.displayName ?? null,
    logo: connection.logo || null,
    enabled: null,
  };
}

/** v3 types an identity source's `connections` loosely; the entries with an id and a type are kept. */
export function connectionsOf(connections: unknown): V2ExtIdpConnection[] | null {
  const entries = Array.isArray(connections) ? connections : connections && typeof connections === 'object' ? Object.values(connections) : undefined;
  if (entries === undefined) return null;
  return entries
    .filter((entry): entry is ExtIdpConnDetail => typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && typeof entry.type === 'string')
    .map(toV2ExtIdpConnection);
}

export function toV2ExtIdp(extIdp: ExtIdpDto | ExtIdpDetail): V2ExtIdp {
  return {
    id: extIdp.id,
    name: extIdp.name,
    type: extIdp.type,
    tenantId: extIdp.tenantId ?? null,
    logo: extIdp.logo || null,
    connections: 'connections' in extIdp ? connectionsOf(extIdp.connections) : null,
  };
}
