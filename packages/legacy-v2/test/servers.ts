import { startEmulator, type RunningEmulator } from '@authing/emulator';
import { afterAll, beforeAll, inject } from 'vitest';
import { AuthenticationClient, ManagementClient, type AuthenticationClientOptions, type DeprecationWarning, type ManagementClientOptions } from '../src/index.ts';

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

/** A v2 AuthenticationClient on the emulator's seeded app. */
export function emulatorAuthentication(emulator: RunningEmulator, extra: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return new AuthenticationClient({ appId: seed.appId, secret: seed.appSecret, appHost: emulator.url, userPoolId: seed.userPoolId, retries: 0, deprecationWarnings: false, ...extra });
}

/**
 * The spec lists a bearer requirement on `get-management-token` itself, the call that obtains the
 * bearer token, so Prism answers the SDK's (correct) unauthenticated request 401. Only that request
 * gets a placeholder token.
 */
const prismFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === '/api/v3/get-management-token' && !request.headers.has('authorization')) {
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
