// The v2 shim's ManagementClient (every sub-client), as a v2 app uses it after swapping the import.
import { ManagementClient } from '@authing/legacy-v2';

const client = new ManagementClient({ userPoolId: 'pool', secret: 'secret' });
export const run = () => client.users.list(1, 10);
