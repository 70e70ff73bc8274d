import type { ManagementContext } from './context.ts';

/** v2's `managementClient.userpool`. */
export class UserpoolManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
