import type { RequestContext } from '../context.ts';
import type { Route } from '../route.ts';

/**
 * `SystemInfoResp`: the public keys for encrypted passwords. The emulator is no Authing release,
 * so its versions say `emulator`; it has no public IPs to announce.
 */
async function getSystemInfo(context: RequestContext): Promise<unknown> {
  const keys = await context.services.passwordKeys.publicKeys();
  return {
    rsa: { publicKey: keys.rsa },
    sm2: { publicKey: keys.sm2 },
    version: { server: 'emulator', console: 'emulator', login: 'emulator' },
    publicIps: [],
  };
}

// Public information: anyone may read it, as the hosted login page does before signing in.
export const systemRoutes: Route[] = [{ operation: 'getSystemInfo', method: 'GET', path: '/api/v3/system', guard: 'none', handle: getSystemInfo, style: 'bare' }];
