import type { ManagementContext } from './context.ts';

/** v2's `managementClient.roles`. */
export class RolesManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
