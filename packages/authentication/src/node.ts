import { createNodeFetch } from '@authing/core/node';
import { AuthenticationClient as BaseClient } from './authentication-client.ts';
import type { AuthenticationClientOptions } from './client.ts';

export type { AuthenticationClientOptions } from './client.ts';

/**
 * `AuthenticationClient` for Node that honours `rejectUnauthorized: false`
 * (private deployments with self-signed certificates) through a TLS setting
 * private to this client; every other connection in the process still verifies.
 */
export class AuthenticationClient<ThrowOnError extends boolean = false> extends BaseClient<ThrowOnError> {
  constructor(options: AuthenticationClientOptions<ThrowOnError>) {
    const insecure = options?.rejectUnauthorized === false && !options.fetch;
    super(insecure ? { ...options, fetch: createNodeFetch({ rejectUnauthorized: false }) } : options);
  }
}
