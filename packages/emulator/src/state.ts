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
}

export const defaultNamespace = 'default';
