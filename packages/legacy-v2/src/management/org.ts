import type { ManagementContext } from './context.ts';

/** v2's `managementClient.org`. */
export class OrgManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
