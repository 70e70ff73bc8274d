/**
 * The emulator's whole state: one JSON-serialisable object, so persistence is
 * a snapshot and a restart is a parse. Field names follow the SDK's DTOs.
 */

export type UserStatus = 'Suspended' | 'Resigned' | 'Activated' | 'Archived' | 'Deactivated';

/** A stored user: the UserDto fields plus the password hash, which is never sent. */
export interface UserRecord {
  userId: string;
  createdAt: string;
  updatedAt: string;
  status: UserStatus;
  userSourceType: 'excel' | 'register' | 'adminCreated' | 'sync';
  email?: string;
  phone?: string;
  phoneCountryCode?: string;
  username?: string;
  externalId?: string;
  emailVerified: boolean;
  phoneVerified: boolean;
  gender: 'M' | 'F' | 'U';
  /** Profile strings (name, nickname, photo, …), copied as given. */
  profile: Record<string, string>;
  customData: Record<string, unknown>;
  loginsCount: number;
  lastLogin?: string;
  passwordLastSetAt?: string;
  /** `scrypt$N$r$p$salt$hash`; absent for users created without a password. */
  passwordHash?: string;
}

export interface RoleRecord {
  id: string;
  code: string;
  name: string;
  description: string;
  namespace: string;
  /** User ids. Only USER targets are emulated. */
  members: string[];
}

export interface GroupRecord {
  id: string;
  code: string;
  name: string;
  description: string;
  type: string;
  customData: Record<string, unknown>;
  members: string[];
}

export interface AppRecord {
  appId: string;
  appSecret: string;
  name: string;
  redirectUris: string[];
  /** How sign-in must authenticate the app; `none` for public (SPA, mobile) apps. */
  tokenEndPointAuthMethod: 'client_secret_post' | 'client_secret_basic' | 'none';
}

export interface State {
  format: 1;
  pool: { userPoolId: string; secret: string; name: string };
  /** Extra management key pairs (cooperator keys), besides the pool's own. */
  accessKeys: Array<{ accessKeyId: string; accessKeySecret: string }>;
  /** HMAC key for the tokens the emulator issues; persisted so tokens survive restarts. */
  jwtSecret: string;
  apps: AppRecord[];
  users: UserRecord[];
  roles: RoleRecord[];
  groups: GroupRecord[];
  /** Revoked token ids, each with its expiry (seconds) so the list can be pruned. */
  revokedTokens: Record<string, number>;
  /** Organisations; each owns a root department in `departments`. (Absent in states saved before they existed.) */
  organizations: OrganizationRecord[];
  departments: DepartmentRecord[];
  /** Management details of apps created through `create-application`; the sign-in side stays in `apps`. */
  applications: ApplicationRecord[];
  resources: ResourceRecord[];
  /** Resource authorisations, one per namespace, target and resource code. */
  policies: PolicyRecord[];
  /** Enrolled MFA factors (TOTP only). Absent in states saved before MFA existed. */
  mfaFactors?: MfaFactorRecord[];
  /** The OIDC provider's sessions, interactions, grants, codes and tokens, keyed `{model}:{id}`. Absent in states saved before they were persisted. */
  oidc?: Record<string, OidcEntry>;
  /** The key pairs for encrypted passwords (`passwordEncryptType`). Made on first use, so absent until then. */
  passwordKeys?: PasswordKeysRecord;
}

/** RSA (PEM: SPKI public, PKCS#8 private) and SM2 (hex: `04…` public, 64-digit private) key pairs. */
export interface PasswordKeysRecord {
  rsa: { publicKey: string; privateKey: string };
  sm2: { publicKey: string; privateKey: string };
}

/** One oidc-provider record: its opaque JSON payload and when it expires (epoch ms; absent: never). */
export interface OidcEntry {
  payload: Record<string, unknown>;
  expiresAt?: number;
}

export const defaultNamespace = 'default';

export interface OrganizationRecord {
  organizationCode: string;
  organizationName: string;
  description: string;
  /** The id of its root department. */
  departmentId: string;
  openDepartmentId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentRecord {
  departmentId: string;
  organizationCode: string;
  /** `''` for an organisation's root department. */
  parentDepartmentId: string;
  name: string;
  code?: string;
  openDepartmentId?: string;
  description: string;
  leaderUserIds: string[];
  customData: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  /** Direct members, in joining order. */
  members: Array<{ userId: string; joinedAt: string }>;
}

export type AppType = 'web' | 'spa' | 'native' | 'api' | 'mfa' | 'mini-program';

export interface ApplicationRecord {
  /** The `apps` entry (id, secret, redirect URIs) this describes. */
  appId: string;
  appIdentifier: string;
  appLogo: string;
  appDescription: string;
  appType: AppType;
  defaultProtocol: 'oidc' | 'oauth' | 'saml' | 'cas' | 'asa';
  logoutRedirectUris: string[];
  initLoginUri: string;
  ssoEnabled: boolean;
  createdAt: string;
}

export type ResourceType = 'DATA' | 'API' | 'MENU' | 'BUTTON' | 'UI';

export interface ResourceRecord {
  code: string;
  namespace: string;
  name: string;
  description: string;
  type: ResourceType;
  actions: Array<{ name: string; description: string }>;
  apiIdentifier?: string;
}

export type PolicyTargetType = 'USER' | 'ROLE' | 'GROUP' | 'DEPARTMENT';

export interface PolicyRecord {
  namespace: string;
  targetType: PolicyTargetType;
  /** A user id, a role code (in `namespace`), a group code or a department id. */
  targetIdentifier: string;
  /** A resource code, optionally `code:instance` or `code:*`. */
  resourceCode: string;
  resourceType: ResourceType;
  actions: string[];
}

/** An enrolled MFA factor. The secret stays here: it is sent only once, at enrolment. */
export interface MfaFactorRecord {
  factorId: string;
  userId: string;
  factorType: 'OTP';
  /** The TOTP secret, base32 (RFC 4648, no padding). */
  secret: string;
  /** The recovery code shown at enrolment. */
  recoveryCode: string;
  createdAt: string;
}
