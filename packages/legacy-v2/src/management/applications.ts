import type { ManagementContext } from './context.ts';

/** v2's `managementClient.applications`. */
export class ApplicationsManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
