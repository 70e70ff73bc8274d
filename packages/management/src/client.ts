import {
  ValidationError,
  createClient,
  enUS,
  format,
  managementTokenAuth,
  requestSigningAuth,
  type Client,
  type ClientOptions,
} from '@authing/core';

/** Options of `createManagementClient` and `ManagementClient`, as in Authing's official SDK docs. */
export interface ManagementClientOptions<ThrowOnError extends boolean = false> extends Omit<ClientOptions<ThrowOnError>, 'host'> {
  /** The user pool id, or a cooperator's access key id. */
  accessKeyId: string;
  /** The user pool secret, or the cooperator's access key secret. Never logged. */
  accessKeySecret: string;
  /** API root; a private deployment's own host. Default `https://api.authing.cn`. */
  host?: string;
  /** Sent as `x-authing-app-tenant-id` for multi-tenant pools. */
  tenantId?: string;
  /**
   * Sign every request with the key pair (HMAC-SHA1, compatible with
   * authing-node-sdk 4) instead of using a management token.
   */
  requestSigning?: boolean;
  /**
   * `false` accepts self-signed TLS certificates. Node only: import the client
   * from `@authing/management/node`, which supplies a fetch with its own TLS
   * settings for this client alone.
   */
  rejectUnauthorized?: boolean;
}

function requireString(options: Record<string, unknown>, field: string): string {
  const value = options[field];
  if (typeof value !== 'string' || value === '') {
    const messages = (options.messages as typeof enUS | undefined) ?? enUS;
    throw new ValidationError(format(messages, 'option', { field, reason: 'a non-empty string' }), field);
  }
  return value;
}

/**
 * A management client for the tree-shakeable endpoint functions:
 * `listUsers(client, { … })` from `@authing/management/users`.
 */
export function createManagementClient<ThrowOnError extends boolean = false>(
  options: ManagementClientOptions<ThrowOnError>,
): Client<ThrowOnError> {
  const raw = (options ?? {}) as unknown as Record<string, unknown>;
  const credentials = { accessKeyId: requireString(raw, 'accessKeyId'), accessKeySecret: requireString(raw, 'accessKeySecret') };
  if (options.rejectUnauthorized === false && !options.fetch) {
    const messages = options.messages ?? enUS;
    throw new ValidationError(
      format(messages, 'option', {
        field: 'rejectUnauthorized',
        reason: "false needs Node's TLS settings: import ManagementClient from '@authing/management/node'",
      }),
      'rejectUnauthorized',
    );
  }
  const { accessKeyId: _id, accessKeySecret: _secret, tenantId, requestSigning, rejectUnauthorized: _tls, host, ...rest } = options;
  return createClient<ThrowOnError>(
    { ...rest, host: host ?? 'https://api.authing.cn' },
    {
      auth: requestSigning ? requestSigningAuth(credentials) : managementTokenAuth(credentials),
      identity: { 'tenant-id': tenantId },
    },
  );
}
