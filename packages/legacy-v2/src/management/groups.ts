import type { ManagementContext } from './context.ts';

/** v2's `managementClient.groups`. */
export class GroupsManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
