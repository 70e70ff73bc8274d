import type { ManagementContext } from './context.ts';

/** v2's `managementClient.acl`. */
export class AclManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
