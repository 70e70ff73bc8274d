import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hashPassword } from './passwords.ts';
import { defaultNamespace, type AppRecord, type State, type UserRecord } from './state.ts';
import { newId } from './store.ts';

/** A seed: the initial pool, apps, users, roles and groups. Every field is optional. */
export interface SeedObject {
  /** The user pool; its id and secret are the pool-wide management key pair. */
  userPool?: { userPoolId?: string; secret?: string; name?: string };
  /** More management key pairs (cooperator keys). */
  accessKeys?: Array<{ accessKeyId: string; accessKeySecret: string }>;
  apps?: Array<{
    appId: string;
    appSecret?: string;
    name?: string;
    redirectUris?: string[];
    tokenEndPointAuthMethod?: AppRecord['tokenEndPointAuthMethod'];
  }>;
  users?: Array<{
    userId?: string;
    email?: string;
    username?: string;
    phone?: string;
    externalId?: string;
    /** Plain text in the seed; stored hashed. */
    password?: string;
    name?: string;
    nickname?: string;
    customData?: Record<string, unknown>;
    /** Role codes (default namespace) to assign. */
    roles?: string[];
    /** Group codes to join. */
    groups?: string[];
  }>;
  roles?: Array<{ code: string; name?: string; description?: string; namespace?: string }>;
  groups?: Array<{ code: string; name?: string; description?: string; type?: string }>;
}

/** What a pool and app are called when no seed names them. */
export const defaults = {
  userPoolId: 'emulator-pool',
  secret: 'emulator-secret',
  appId: 'emulator-app',
  appSecret: 'emulator-app-secret',
} as const;

/** Reads a seed from a JSON file or takes it as given. */
export function readSeed(seed: string | SeedObject | undefined): SeedObject {
  if (seed === undefined) return {};
  if (typeof seed !== 'string') return seed;
  return JSON.parse(readFileSync(seed, 'utf8')) as SeedObject;
}

function fail(where: string, what: string): never {
  throw new TypeError(`seed: ${where} must be ${what}`);
}

/** Builds a fresh state from a seed; used only when the data directory holds no state yet. */
export async function stateFromSeed(seed: SeedObject): Promise<State> {
  if (typeof seed !== 'object' || seed === null) fail('the seed', 'an object');
  const now = new Date().toISOString();
  const apps: AppRecord[] = (seed.apps ?? [{ appId: defaults.appId, appSecret: defaults.appSecret }]).map((app, index) => {
    if (typeof app?.appId !== 'string' || app.appId === '') fail(`apps[${index}].appId`, 'a non-empty string');
    return {
      appId: app.appId,
      appSecret: app.appSecret ?? randomBytes(16).toString('hex'),
      name: app.name ?? app.appId,
      redirectUris: app.redirectUris ?? [],
      tokenEndPointAuthMethod: app.tokenEndPointAuthMethod ?? 'client_secret_post',
    };
  });
  const state: State = {
    format: 1,
    pool: {
      userPoolId: seed.userPool?.userPoolId ?? defaults.userPoolId,
      secret: seed.userPool?.secret ?? defaults.secret,
      name: seed.userPool?.name ?? 'Authing emulator',
    },
    accessKeys: seed.accessKeys ?? [],
    jwtSecret: randomBytes(32).toString('hex'),
    apps,
    users: [],
    roles: (seed.roles ?? []).map((role, index) => {
      if (typeof role?.code !== 'string' || role.code === '') fail(`roles[${index}].code`, 'a non-empty string');
      return { id: newId(), code: role.code, name: role.name ?? role.code, description: role.description ?? '', namespace: role.namespace ?? defaultNamespace, members: [] };
    }),
    groups: (seed.groups ?? []).map((group, index) => {
      if (typeof group?.code !== 'string' || group.code === '') fail(`groups[${index}].code`, 'a non-empty string');
      return { id: newId(), code: group.code, name: group.name ?? group.code, description: group.description ?? '', type: group.type ?? 'static', customData: {}, members: [] };
    }),
    revokedTokens: {},
    organizations: [],
    departments: [],
    applications: [],
    resources: [],
    policies: [],
  };
  for (const [index, seeded] of (seed.users ?? []).entries()) {
    if (!seeded?.email && !seeded?.username && !seeded?.phone) fail(`users[${index}]`, 'an object with an email, username or phone');
    const user: UserRecord = {
      userId: seeded.userId ?? newId(),
      createdAt: now,
      updatedAt: now,
      status: 'Activated',
      userSourceType: 'adminCreated',
      ...(seeded.email ? { email: seeded.email.toLowerCase() } : {}),
      ...(seeded.username ? { username: seeded.username } : {}),
      ...(seeded.phone ? { phone: seeded.phone } : {}),
      ...(seeded.externalId ? { externalId: seeded.externalId } : {}),
      emailVerified: false,
      phoneVerified: false,
      gender: 'U',
      profile: { ...(seeded.name ? { name: seeded.name } : {}), ...(seeded.nickname ? { nickname: seeded.nickname } : {}) },
      customData: seeded.customData ?? {},
      loginsCount: 0,
      ...(seeded.password ? { passwordHash: await hashPassword(seeded.password), passwordLastSetAt: now } : {}),
    };
    state.users.push(user);
    for (const code of seeded.roles ?? []) {
      const role = state.roles.find((candidate) => candidate.code === code && candidate.namespace === defaultNamespace);
      if (!role) fail(`users[${index}].roles`, `codes of seeded roles (no role ${code})`);
      role.members.push(user.userId);
    }
    for (const code of seeded.groups ?? []) {
      const group = state.groups.find((candidate) => candidate.code === code);
      if (!group) fail(`users[${index}].groups`, `codes of seeded groups (no group ${code})`);
      group.members.push(user.userId);
    }
  }
  return state;
}
