// Today's official SDK: one CJS ManagementClient class with ~500 methods.
import { ManagementClient } from 'authing-node-sdk';

const client = new ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk' });
export const run = () => client.listUsers({ keywords: 'a' });
