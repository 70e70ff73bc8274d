// The v2 SDK itself (authing-js-sdk 4): ManagementClient users.list, what the shim replaces.
import { ManagementClient } from 'authing-js-sdk';

const client = new ManagementClient({ userPoolId: 'pool', secret: 'secret' });
export const run = () => client.users.list(1, 10);
