import { ValidationError } from '@authing/core';
import { toV2WhiteLists, type V2WhiteList, type V2WhitelistType } from '../shapes/whitelist.ts';
import type { ManagementContext } from './context.ts';

const types = new Set<string>(['USERNAME', 'EMAIL', 'PHONE']);

function whitelistType(type: unknown): V2WhitelistType {
  if (typeof type !== 'string' || !types.has(type)) throw new ValidationError('invalid `type`: one of USERNAME, EMAIL, PHONE', 'type');
  return type as V2WhitelistType;
}

function entries(list: unknown): string[] {
  // v2's own docs call `add(type, 'a@example.com')` with one string.
  const values = typeof list === 'string' ? [list] : list;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string' && value !== '')) {
    throw new ValidationError('invalid `list`: a non-empty array of non-empty strings', 'list');
  }
  return values;
}

/** v2's `managementClient.whitelist`: the pool's registration whitelists. */
export class WhitelistManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** The entries of one whitelist. */
  list(type: V2WhitelistType): Promise<V2WhiteList[]> {
    const { v3, shim } = this.#context;
    return shim.run('whitelist.list', 'listWhitelists', async () => toV2WhiteLists(await v3.listWhitelists({ type: whitelistType(type) })));
  }

  /** Adds entries (emails are case-insensitive); resolves the entries added, as v2 did. */
  add(type: V2WhitelistType, list: string[]): Promise<V2WhiteList[]> {
    const { v3, shim } = this.#context;
    return shim.run('whitelist.add', 'addWhitelist', async () => toV2WhiteLists(await v3.addWhitelist({ type: whitelistType(type), list: entries(list) })));
  }

  /**
   * Removes entries. v2 resolved the entries removed; v3 answers only success, so this resolves
   * the entries asked for, without their creation time.
   */
  remove(type: V2WhitelistType, list: string[]): Promise<V2WhiteList[]> {
    const { v3, shim } = this.#context;
    return shim.run('whitelist.remove', 'deleteWhitelist', async () => {
      const values = entries(list);
      await v3.deleteWhitelist({ type: whitelistType(type), list: values });
      return values.map((value) => ({ createdAt: null, updatedAt: null, value }));
    });
  }

  /** v2 switched a whitelist on through `updateUserpool`; v3's security settings have no such switch. */
  enable(_type: V2WhitelistType): Promise<never> {
    return this.#context.shim.unsupported(
      'whitelist.enable',
      'v3 has no API that switches registration whitelists on or off (updateSecuritySettings has no whitelist setting); switch it in the Authing console',
    );
  }

  /** v2 switched a whitelist off through `updateUserpool`; v3's security settings have no such switch. */
  disable(_type: V2WhitelistType): Promise<never> {
    return this.#context.shim.unsupported(
      'whitelist.disable',
      'v3 has no API that switches registration whitelists on or off (updateSecuritySettings has no whitelist setting); switch it in the Authing console',
    );
  }
}
