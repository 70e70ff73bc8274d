import { createNodeFetch } from '@authing/core/node';
import type { ManagementClientOptions } from './client.ts';
import { ManagementClient as BaseClient } from './management-client.ts';

export type { ManagementClientOptions } from './client.ts';

/**
 * `ManagementClient` for Node that honours `rejectUnauthorized: false`
 * (private deployments with self-signed certificates) through a TLS setting
 * private to this client; every other connection in the process still verifies.
 */
export class ManagementClient<ThrowOnError extends boolean = false> extends BaseClient<ThrowOnError> {
  constructor(options: ManagementClientOptions<ThrowOnError>) {
    const insecure = options?.rejectUnauthorized === false && !options.fetch;
    super(insecure ? { ...options, fetch: createNodeFetch({ rejectUnauthorized: false }) } : options);
  }
}
