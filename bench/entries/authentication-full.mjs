// The aggregated facade (every method and the protocol methods on one class): what the v2 shim builds on.
import { AuthenticationClient } from '@authing/authentication';

const client = new AuthenticationClient({ appId: 'app', appHost: 'https://example.authing.cn', tokenEndPointAuthMethod: 'none' });
export const run = () => client.signInByUsernamePassword({ username: 'alice', password: 'p' });
