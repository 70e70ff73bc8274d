import type { ManagementClient as V3ManagementClient } from '@authing/management';
import type { Shim } from '../shim.ts';

/** What every management sub-client shares: the v3 client it calls and the shim behaviour. */
export interface ManagementContext {
  /** The v3 client (`throwOnError: true`): each v2 method calls the v3 methods its warning names. */
  readonly v3: V3ManagementClient<true>;
  readonly shim: Shim;
  /** v3 users do not carry their pool; v2 users did (`userPoolId`, `arn`). */
  readonly userPoolId: string;
  /** v2's `encPublicKey`: passwords of created and updated users are encrypted with it. */
  readonly encPublicKey: string | undefined;
}
