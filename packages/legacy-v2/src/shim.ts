import { AuthingV2Error, reported, toV2Error, type OnError } from './errors.ts';
import { warnOnce, type DeprecationOption } from './deprecation.ts';

/** What every v2 client of this package accepts besides its own options. */
export interface ShimOptions {
  /** v2's error hook, called with `(code, message, data)` before each error is thrown. */
  onError?: OnError;
  /** Deprecation warnings: on by default, once per method; `false` silences them. */
  deprecationWarnings?: DeprecationOption;
}

/**
 * The behaviour every v2 method shares: one deprecation warning naming its v3 replacement, and
 * every failure thrown as `AuthingV2Error` after `onError` has seen it.
 */
export class Shim {
  readonly #options: ShimOptions;
  /** `ManagementClient` or `AuthenticationClient`: the v3 class that has the replacements. */
  readonly #v3Class: string;
  readonly #v3Package: string;

  constructor(options: ShimOptions, v3Class: 'ManagementClient' | 'AuthenticationClient') {
    this.#options = options;
    this.#v3Class = v3Class;
    this.#v3Package = v3Class === 'ManagementClient' ? '@authing/management' : '@authing/authentication';
  }

  /**
   * Runs v2 method `method`, whose v3 replacement is `replacement`: a v3 method name (warned as
   * `ManagementClient.listUsers() from @authing/management`) or, when it takes more than one call
   * or lives elsewhere, a sentence.
   */
  async run<T>(method: string, replacement: string, body: () => Promise<T>): Promise<T> {
    this.warn(method, replacement);
    try {
      return await body();
    } catch (error) {
      throw reported(toV2Error(error), this.#options.onError);
    }
  }

  /** The deprecation warning alone, for the few synchronous v2 methods (`setToken`). */
  warn(method: string, replacement: string): void {
    const named = /^\w+$/.test(replacement) ? `${this.#v3Class}.${replacement}() from ${this.#v3Package}` : replacement;
    warnOnce(this.#options.deprecationWarnings, method, named);
  }

  /** A v2 method with no v3 equivalent: throws, never does nothing. */
  async unsupported(method: string, why: string): Promise<never> {
    throw reported(new AuthingV2Error(501, `${method}() has no v3 equivalent: ${why} (see "Migrating from v2" in the docs).`), this.#options.onError);
  }
}
