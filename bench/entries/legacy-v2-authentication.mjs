// The v2 shim's AuthenticationClient, as a v2 app uses it after swapping the import.
import { AuthenticationClient } from '@authing/legacy-v2';

const client = new AuthenticationClient({ appId: 'app', appHost: 'https://example.authing.cn' });
export const run = () => client.loginByUsername('alice', 'p');
