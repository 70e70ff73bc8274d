import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPrism } from '@authing/prism';

/** Where the quickstart runs: a real user pool, or local mocks of the API. */
export interface Target {
  kind: 'user pool' | 'mocks';
  management: { accessKeyId: string; accessKeySecret: string; host: string };
  app: { appId: string; appSecret: string; appHost: string };
  user: { email: string; password: string };
  /** Only for the mocks, which need one quirk worked around (see mockFetch). */
  fetch?: typeof fetch;
  stop(): Promise<void>;
}

const env = process.env;
const realPoolVariables = ['AUTHING_ACCESS_KEY_ID', 'AUTHING_ACCESS_KEY_SECRET', 'AUTHING_APP_ID', 'AUTHING_APP_SECRET', 'AUTHING_APP_HOST', 'AUTHING_EMAIL', 'AUTHING_PASSWORD'];

/**
 * The official management document requires a bearer token even on the call
 * that obtains one, so Prism answers the SDK's (correct) token request with
 * 401. Only for the mocks, that one request gets a placeholder.
 */
const mockFetch: typeof fetch = (input, init) => {
  if (input instanceof Request && input.url.endsWith('/api/v3/get-management-token')) input.headers.set('authorization', 'Bearer mock');
  return fetch(input, init);
};

export async function chooseTarget(): Promise<Target> {
  const set = realPoolVariables.filter((name) => env[name]);
  if (set.length === realPoolVariables.length) {
    return {
      kind: 'user pool',
      management: { accessKeyId: env.AUTHING_ACCESS_KEY_ID!, accessKeySecret: env.AUTHING_ACCESS_KEY_SECRET!, host: env.AUTHING_HOST ?? 'https://api.authing.cn' },
      app: { appId: env.AUTHING_APP_ID!, appSecret: env.AUTHING_APP_SECRET!, appHost: env.AUTHING_APP_HOST! },
      user: { email: env.AUTHING_EMAIL!, password: env.AUTHING_PASSWORD! },
      stop: async () => {},
    };
  }
  if (set.length > 0) {
    const missing = realPoolVariables.filter((name) => !env[name]);
    throw new Error(`To run against a user pool, also set ${missing.join(', ')}; or unset every AUTHING_* variable to use local mocks.`);
  }
  const specDir = resolve(import.meta.dirname, '../../..', env.AUTHING_OPENAPI_DIR ?? '../shared/spec');
  const files = ['management-openapi.json', 'authentication-openapi.json'].map((file) => resolve(specDir, file));
  if (!files.every((file) => existsSync(file))) {
    throw new Error(`No AUTHING_* variables and no OpenAPI documents in ${specDir} (set AUTHING_OPENAPI_DIR) to mock the API with.`);
  }
  console.log(`Starting Prism mocks of the official OpenAPI documents (${specDir}) …`);
  const [management, authentication] = await Promise.all(files.map((file) => startPrism(file)));
  return {
    kind: 'mocks',
    management: { accessKeyId: 'quickstart-pool', accessKeySecret: 'mock-secret', host: management!.url },
    app: { appId: 'quickstart-app', appSecret: 'mock-app-secret', appHost: authentication!.url },
    user: { email: 'alice@example.com', password: 'mock-password' },
    fetch: mockFetch,
    stop: async () => {
      await Promise.all([management!.stop(), authentication!.stop()]);
    },
  };
}
