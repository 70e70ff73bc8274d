// The aggregated facade (every method on one class): the worst case for tree shaking.
import { ManagementClient } from '@authing/management';

const client = new ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk' });
export const run = () => client.listUsers({ keywords: 'a' });
