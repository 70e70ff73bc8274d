// Typical browser/edge sign-in: the small client factory plus one login function.
import { createAuthenticationClient } from '@authing/authentication/client';
import { signInByCredentials } from '@authing/authentication/login';

const client = createAuthenticationClient({ appId: 'app', appHost: 'https://example.authing.cn', tokenEndPointAuthMethod: 'none' });
export const run = () => signInByCredentials(client, { connection: 'PASSWORD', passwordPayload: { email: 'a@example.com', password: 'p' } });
