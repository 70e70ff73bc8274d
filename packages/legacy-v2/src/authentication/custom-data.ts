import { toV2UserDefinedData, type V2UserDefinedData } from '../shapes/udf.ts';

// v2 kept a user's custom data as typed values (`udv`); v3 keeps it as one object on the user,
// read with getProfile({ withCustomData }) and written key by key with updateProfile({ customData }).
// v3's self-service side cannot delete a key, so v2's "remove" writes null, and a null value reads
// as absent, as v2 showed a removed key.

function present(customData: Record<string, unknown> | undefined): Array<[string, unknown]> {
  return Object.entries(customData ?? {}).filter(([, value]) => value !== null && value !== undefined);
}

/** v2's `listUdv` list: typed values, as v2's SDK returned them after decoding its `udv` query. */
export function toUserDefinedData(customData: Record<string, unknown> | undefined): V2UserDefinedData[] {
  return toV2UserDefinedData(Object.fromEntries(present(customData)));
}

/** v2's `getUdfValue` object: key → value. */
export function toKeyValues(customData: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(present(customData));
}

/** v2's deprecated `params` (`[{ key, value }]`) as v3's customData object. */
export function paramsToCustomData(params: ReadonlyArray<{ key: string; value: unknown }> | undefined): Record<string, unknown> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(params.map(({ key, value }) => [key, value]));
}
