import type { Client } from './client.ts';
import type { Envelope, Outcome } from './envelope.ts';
import { call, type CallOptions } from './call.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Where a list endpoint takes `page` and `limit`. */
export type Paging = 'query' | 'body' | 'options';

/** Everything the transport needs to know about one endpoint; generated from the spec. */
export interface OperationSpec {
  /** The SDK method name, for messages and the `ManagementClient` facade. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Path with `{placeholders}`, such as `/api/v3/webauthn/remove-credential/{credentialID}`. */
  readonly path: string;
  /** Input keys that fill the path placeholders. */
  readonly pathParams?: readonly string[];
  /** Input keys that must be present (not `undefined` or `null`). */
  readonly required?: readonly string[];
  /** True when a retry cannot change server state: every GET, and the POST reads such as `list-users`. */
  readonly safe?: boolean;
  /** Set on list endpoints that `paginate` can walk. */
  readonly paging?: Paging;
  /**
   * The spec documents a bare JSON answer instead of the v3 envelope; such an
   * answer is handed back as the `data` of a success envelope.
   */
  readonly bare?: boolean;
  /** The endpoint accepts its body only as `application/x-www-form-urlencoded`. */
  readonly form?: boolean;
}

/** The arguments after `client`: the input (optional when every field is) and per-call options. */
export type OperationArgs<Input, Options> = {} extends Input ? [input?: Input, options?: Options] : [input: Input, options?: Options];

/** A generated endpoint function: `listUsers(client, input, options)`. */
export interface Operation<Input, Data> {
  <T extends boolean>(client: Client<T>, ...args: OperationArgs<Input, CallOptions & { throwOnError?: undefined }>): Promise<Outcome<T, Data>>;
  (client: Client, ...args: OperationArgs<Input, CallOptions & { throwOnError: true }>): Promise<Data>;
  (client: Client, ...args: OperationArgs<Input, CallOptions & { throwOnError: false }>): Promise<Envelope<Data>>;
  readonly spec: OperationSpec;
}

/** The same endpoint as a method of a client object, which supplies the `client` argument. */
export interface Method<T extends boolean, Input, Data> {
  (...args: OperationArgs<Input, CallOptions & { throwOnError?: undefined }>): Promise<Outcome<T, Data>>;
  (...args: OperationArgs<Input, CallOptions & { throwOnError: true }>): Promise<Data>;
  (...args: OperationArgs<Input, CallOptions & { throwOnError: false }>): Promise<Envelope<Data>>;
}

/** Turns a spec into an endpoint function. Used by generated code. */
export function defineOperation<Input, Data>(spec: OperationSpec): Operation<Input, Data> {
  const operation = (client: Client, input?: Input, options?: CallOptions) => call(client, spec, input, options);
  return Object.assign(operation, { spec }) as unknown as Operation<Input, Data>;
}

/**
 * Adds one method per operation to a facade class, each delegating to the
 * operation with the instance's `client`. Prototype methods keep client
 * construction free of per-endpoint work.
 */
export function installMethods(
  prototype: object,
  operations: ReadonlyArray<Operation<never, unknown>>,
): void {
  for (const operation of operations) {
    Object.defineProperty(prototype, operation.spec.name, {
      configurable: true,
      writable: true,
      value(this: { client: Client }, input?: unknown, options?: CallOptions) {
        return call(this.client, operation.spec, input, options);
      },
    });
  }
}
