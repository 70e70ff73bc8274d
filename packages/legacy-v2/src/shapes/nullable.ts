/**
 * v3 leaves a field out where it has no value; v2 answered `null`. The value, or `null` when v3
 * left it out (a `null` or falsy value v3 did send is kept as it is).
 */
export function or<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}
