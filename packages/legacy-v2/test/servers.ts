import { startEmulator, type RunningEmulator } from '@authing/emulator';
import { ManagementClient as V3ManagementClient } from '@authing/management';
import { afterAll, beforeAll, inject } from 'vitest';
import { AuthenticationClient, ManagementClient, type AuthenticationClientOptions, type DeprecationWarning, type ManagementClientOptions, type V2UserInput } from '../src/index.ts';

/** The emulator's default seed: the pool's key pair and the app's credentials. */
export const seed = { userPoolId: 'emulator-pool', secret: 'emulator-secret', appId: 'emulator-app', appSecret: 'emulator-app-secret' } as const;

/** A name no other test (or test file sharing a server) uses. */
export function unique(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Starts an emulator for this test file; `emulator()` returns it inside tests. */
export function useEmulator(): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (!running) throw new Error('the emulator is not running');
    return running;
  };
}

/** Deprecation warnings, collected instead of printed. */
export function warningsCollector(): { warnings: DeprecationWarning[]; deprecationWarnings: (warning: DeprecationWarning) => void } {
  const warnings: DeprecationWarning[] = [];
  return { warnings, deprecationWarnings: (warning) => warnings.push(warning) };
}

/** A v2 ManagementClient on the emulator's seeded pool. */
export function emulatorManagement(emulator: RunningEmulator, extra: Partial<ManagementClientOptions> = {}): ManagementClient {
  return new ManagementClient({ userPoolId: seed.userPoolId, secret: seed.secret, host: emulator.url, retries: 0, deprecationWarnings: false, ...extra });
}

/** A v3 ManagementClient on the emulator's seeded pool, to set up what a test then reads through v2. */
export function emulatorV3Management(emulator: RunningEmulator): V3ManagementClient<true> {
  return new V3ManagementClient({ accessKeyId: seed.userPoolId, accessKeySecret: seed.secret, host: emulator.url, retries: 0, throwOnError: true });
}

/**
 * A user created through a v2 client's `users.create`: a unique username and the password
 * `passw0rd!` unless `extra` gives others.
 */
export async function newUser(
  management: ManagementClient,
  extra: Omit<V2UserInput, 'username' | 'password'> & { username?: string; password?: string } = {},
  options?: Parameters<ManagementClient['users']['create']>[1],
): Promise<{ id: string; username: string; password: string }> {
  const { username = unique('user'), password = 'passw0rd!', ...profile } = extra;
  const { id } = await management.users.create({ ...profile, username, password }, options);
  return { id, username, password };
}

/** The emulator's public keys, as a v2 app would copy them into `encPublicKey`: RSA as PEM, SM2 as hex. */
export async function emulatorPublicKeys(emulator: RunningEmulator): Promise<{ rsa: string; sm2: string }> {
  const response = await fetch(`${emulator.url}/api/v3/system`);
  const body = (await response.json()) as { rsa: { publicKey: string }; sm2: { publicKey: string } };
  return { rsa: body.rsa.publicKey, sm2: body.sm2.publicKey };
}

/** A v2 AuthenticationClient on the emulator's seeded app. */
export function emulatorAuthentication(emulator: RunningEmulator, extra: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return new AuthenticationClient({ appId: seed.appId, secret: seed.appSecret, appHost: emulator.url, userPoolId: seed.userPoolId, retries: 0, deprecationWarnings: false, ...extra });
}

const managementTokenPath = '/api/v3/get-management-token';

/**
 * The spec lists a bearer requirement on `get-management-token` itself, the call that obtains the
 * bearer token, so Prism answers the SDK's (correct) unauthenticated request 401. Only that request
 * gets a placeholder token.
 */
const prismFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === managementTokenPath && !request.headers.has('authorization')) {
    request.headers.set('authorization', 'Bearer contract-test-bootstrap');
  }
  return fetch(request);
};

/** A v2 ManagementClient against Prism serving the official management document. */
export function prismManagement(extra: Partial<ManagementClientOptions> = {}): ManagementClient {
  return new ManagementClient({ userPoolId: 'pool', secret: 'pool-secret', host: inject('prismManagement'), retries: 0, fetch: prismFetch, deprecationWarnings: false, ...extra });
}

/** A v2 AuthenticationClient against Prism serving the official authentication document, with a user's token. */
export function prismAuthentication(extra: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return new AuthenticationClient({ appId: 'app1', secret: 'app1-secret', appHost: inject('prismAuthentication'), userPoolId: 'pool', token: 'test-token', retries: 0, deprecationWarnings: false, ...extra });
}

/**
 * The official document's example user action log as v2's `UserLogsInfo`: what Prism's answer to
 * `get-user-action-logs` reads as through `users.listUserActions` and `statistics.listUserActions`.
 */
export const prismUserActionLog = {
  userpoolId: 'pool',
  userId: 'xxx',
  username: '张三',
  cityName: 'Beijing',
  regionName: 'Beijing',
  clientIp: '127.0.0.1',
  operationDesc: '登录账户「 test@example.com 」',
  operationName: 'login',
  timestamp: '2022-09-20T08:55:00.188+0800',
  appId: 'xxx',
  appName: '示例应用',
};

/** One request a client sent, as the tests read it. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The body parsed as JSON (as text if it is not JSON); `undefined` when there was none. */
  body: unknown;
  authorization: string | null;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A `fetch` that records each request in `sent`, in order, then sends it on through `next`. */
export function recordingFetch(next: typeof fetch = fetch): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    sent.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? parsed(text) : undefined,
      authorization: request.headers.get('authorization'),
    });
    return next(request);
  };
  return { fetch: recording, sent };
}

/**
 * `prismManagement()` that records, in `sent`, the v3 requests its methods send. The management
 * token request is left out: it is the client's own, sent once per client, not a method's.
 */
export function recordingPrismManagement(extra: Omit<Partial<ManagementClientOptions>, 'fetch'> = {}): { management: ManagementClient; sent: SentRequest[] } {
  const { fetch: recording, sent } = recordingFetch(prismFetch);
  const exceptToken: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    return new URL(request.url).pathname === managementTokenPath ? prismFetch(request) : recording(request);
  };
  return { management: prismManagement({ ...extra, fetch: exceptToken }), sent };
}

/** `prismAuthentication()` that records, in `sent`, every request it sends. */
export function recordingPrismAuthentication(extra: Omit<Partial<AuthenticationClientOptions>, 'fetch'> = {}): { auth: AuthenticationClient; sent: SentRequest[] } {
  const { fetch, sent } = recordingFetch();
  return { auth: prismAuthentication({ ...extra, fetch }), sent };
}
