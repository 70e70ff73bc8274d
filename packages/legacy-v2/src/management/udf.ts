import type { ManagementContext } from './context.ts';

/** v2's `managementClient.udf`. */
export class UdfManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
