import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';

export interface NodeFetchOptions {
  /**
   * `false` accepts self-signed certificates, for private deployments that use
   * them. It applies only to the client given this fetch; every other request
   * in the process keeps full TLS verification.
   */
  rejectUnauthorized?: boolean;
  /** Extra CA certificates (PEM) to trust: a safer alternative to `rejectUnauthorized: false`. */
  ca?: string | string[];
  /** An undici dispatcher of your own, such as a `ProxyAgent`; replaces the TLS options above. */
  dispatcher?: Dispatcher;
}

/**
 * A Node-only `fetch` with its own TLS settings, for the `fetch` option of a
 * client. It uses a private undici dispatcher rather than a process-wide setting.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const dispatcher = options.dispatcher ?? new Agent({
    connect: {
      rejectUnauthorized: options.rejectUnauthorized ?? true,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  });
  const nodeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The global Request comes from Node's bundled undici, which this undici
    // does not recognise, so it is unpacked into plain fetch arguments.
    if (typeof input === 'object' && 'url' in input) {
      const body = input.body ? await input.arrayBuffer() : undefined;
      const unpacked = { method: input.method, headers: [...input.headers], body, signal: input.signal, redirect: input.redirect };
      return (await undiciFetch(input.url, { ...unpacked, ...(init as object), dispatcher } as never)) as unknown as Response;
    }
    return (await undiciFetch(input as string | URL, { ...(init as object), dispatcher } as never)) as unknown as Response;
  };
  return nodeFetch as typeof fetch;
}
