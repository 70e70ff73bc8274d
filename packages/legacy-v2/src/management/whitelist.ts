import type { ManagementContext } from './context.ts';

/** v2's `managementClient.whitelist`. */
export class WhitelistManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
