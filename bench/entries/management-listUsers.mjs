// Typical server/edge app: the small client factory plus one resource function.
import { createManagementClient } from '@authing/management/client';
import { listUsers } from '@authing/management/users';

const client = createManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk' });
export const run = () => listUsers(client, { keywords: 'a' });
