import { getManagementToken } from '../auth/management.ts';
import type { Route } from '../route.ts';

export const managementTokenRoutes: Route[] = [
  { operation: 'getManagementToken', method: 'POST', path: '/api/v3/get-management-token', guard: 'none', handle: getManagementToken },
];
