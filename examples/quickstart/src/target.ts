import { startEmulator } from '@authing/emulator';

/** Where the quickstart runs: a real user pool, or the local emulator. */
export interface Target {
  kind: 'user pool' | 'emulator';
  management: { accessKeyId: string; accessKeySecret: string; host: string };
  app: { appId: string; appSecret: string; appHost: string };
  /** The user the quickstart creates and signs in as. */
  user: { email: string; password: string };
  stop(): Promise<void>;
}

const env = process.env;
const realPoolVariables = ['AUTHING_ACCESS_KEY_ID', 'AUTHING_ACCESS_KEY_SECRET', 'AUTHING_APP_ID', 'AUTHING_APP_SECRET', 'AUTHING_APP_HOST'];

// A fresh user per run, so the quickstart can be run again against the same pool.
const user = { email: `quickstart-${Date.now()}@example.com`, password: `Qs-${crypto.randomUUID()}` };

export async function chooseTarget(): Promise<Target> {
  const set = realPoolVariables.filter((name) => env[name]);
  if (set.length === realPoolVariables.length) {
    return {
      kind: 'user pool',
      management: { accessKeyId: env.AUTHING_ACCESS_KEY_ID!, accessKeySecret: env.AUTHING_ACCESS_KEY_SECRET!, host: env.AUTHING_HOST ?? 'https://api.authing.cn' },
      app: { appId: env.AUTHING_APP_ID!, appSecret: env.AUTHING_APP_SECRET!, appHost: env.AUTHING_APP_HOST! },
      user,
      stop: async () => {},
    };
  }
  if (set.length > 0) {
    const missing = realPoolVariables.filter((name) => !env[name]);
    throw new Error(`To run against a user pool, also set ${missing.join(', ')}; or unset every AUTHING_* variable to use the local emulator.`);
  }
  const emulator = await startEmulator({ port: 0 });
  return {
    kind: 'emulator',
    // The emulator's default seed: one user pool and one application.
    management: { accessKeyId: 'emulator-pool', accessKeySecret: 'emulator-secret', host: emulator.url },
    app: { appId: 'emulator-app', appSecret: 'emulator-app-secret', appHost: emulator.url },
    user,
    stop: () => emulator.stop(),
  };
}
