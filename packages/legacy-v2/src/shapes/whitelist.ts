import type { WhitelistRespDto } from '@authing/management';

/** v2's registration whitelist types (v3 uses the same values). */
export type V2WhitelistType = 'USERNAME' | 'EMAIL' | 'PHONE';

/** One registration whitelist entry as v2 returned it (v2's GraphQL `WhiteList`). */
export interface V2WhiteList {
  createdAt: string | null;
  /** v3 entries are never updated in place, and carry no update time. */
  updatedAt: null;
  value: string;
}

/**
 * v3's whitelist answer as v2's list. The v3 document describes a single entry where the server
 * sends an array, so both are read.
 */
export function toV2WhiteLists(data: WhitelistRespDto | WhitelistRespDto[] | null | undefined): V2WhiteList[] {
  const entries = data == null ? [] : Array.isArray(data) ? data : [data];
  return entries.map((entry) => ({ createdAt: entry.createdAt ?? null, updatedAt: null, value: entry.value }));
}
