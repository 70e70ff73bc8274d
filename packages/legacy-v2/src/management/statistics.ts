import type { ManagementContext } from './context.ts';

/** v2's `managementClient.statistics`. */
export class StatisticsManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }
}
