/** v2's policy statement effect. */
export type V2PolicyEffect = 'ALLOW' | 'DENY';

/** One statement of a v2 policy: actions on a resource (`books:123`, `books:*`), allowed or denied. */
export interface V2PolicyStatement {
  resource: string;
  actions: string[];
  effect?: V2PolicyEffect;
  condition?: { param: string; operator: string; value: unknown }[];
}
