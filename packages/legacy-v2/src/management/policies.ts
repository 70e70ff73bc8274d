import type { ManagementContext } from './context.ts';

/** v2's `managementClient.policies`. */
export class PoliciesManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
