/** One deprecation warning: the v2 method called and what to call instead. */
export interface DeprecationWarning {
  /** The v2 method, such as `users.list` or `loginByUsername`. */
  method: string;
  /** Its v3 replacement, such as `ManagementClient.listUsers` (`@authing/management`). */
  replacement: string;
  message: string;
}

/**
 * `true` (the default) prints each warning once with `console.warn`; `false` silences them; a
 * function receives them instead (a logger, a test).
 */
export type DeprecationOption = boolean | ((warning: DeprecationWarning) => void);

// Once per method for the whole program, as Node's own deprecations: apps that build a client per
// request (v2's AuthenticationClient holds one user's token) would otherwise warn on every request.
const warned = new Set<string>();

export function warnOnce(option: DeprecationOption | undefined, method: string, replacement: string): void {
  if (option === false || warned.has(method)) return;
  warned.add(method);
  const message = `@authing/legacy-v2: ${method}() is deprecated; use ${replacement} instead (see "Migrating from v2" in the docs).`;
  if (typeof option === 'function') option({ method, replacement, message });
  else console.warn(message);
}
