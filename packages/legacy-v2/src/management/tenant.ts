import type { ManagementContext } from './context.ts';

/** v2's `managementClient.tenant`. */
export class TenantManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
