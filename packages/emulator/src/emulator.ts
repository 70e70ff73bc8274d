import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from './context.ts';
import type { Lang } from './messages.ts';
import { Outbox, PassCodes } from './outbox.ts';
import { PasswordKeys } from './password-keys.ts';
import { loadState, Persister } from './persistence.ts';
import { startOidc, type EmulatorOidc } from './oidc/provider.ts';
import { handle } from './router.ts';
import { readSeed, stateFromSeed, type SeedObject } from './seed.ts';
import { Store } from './store.ts';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1: the emulator has no business on a network. */
  host?: string;
  /** Keeps the state in this directory across restarts; in memory only when absent. */
  dataDir?: string;
  /** A seed file path or object; used only when `dataDir` holds no state yet. */
  seed?: string | SeedObject;
  /** Language of messages when a request has no `x-authing-lang`. Default zh-CN, as Authing's. */
  lang?: Lang;
  /** Receives one line per request (method, path, status, request id) and unexpected errors. Never secrets. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the `host` of a ManagementClient, the `appHost` of an AuthenticationClient. */
  readonly url: string;
  /** Passcodes "sent" by send-sms and send-email. */
  readonly outbox: Outbox;
  /** Stops accepting requests, lets those in flight finish, writes the state, and closes. */
  stop(): Promise<void>;
}

/** Starts an emulator and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError('port must be an integer from 0 to 65535');

  const loaded = options.dataDir ? loadState(options.dataDir) : undefined;
  const state = loaded ?? (await stateFromSeed(readSeed(options.seed)));
  // The store and the persister refer to each other: writes wait for a save, a save snapshots the store.
  let store: Store | undefined;
  const persister = new Persister(options.dataDir, () => JSON.stringify(store!.state));
  store = new Store(state, () => persister.save());
  // A fresh data directory gets its seeded state at once, so a crash before the first write loses nothing.
  if (!loaded) await persister.save();

  let url = '';
  const services: Services = {
    store,
    outbox: new Outbox(),
    passCodes: new PassCodes(),
    nonces: new Map(),
    url: () => url,
    passwordKeys: new PasswordKeys(store),
  };
  const lang = options.lang ?? 'zh-CN';
  // The OIDC provider needs the URL (its issuer), so it is built once the server listens.
  let oidc: EmulatorOidc | undefined;
  const server: Server = createServer((request, response) => {
    if (oidc?.owns(request)) return oidc.handle(request, response);
    // handle() catches everything; this catch is the last line of defence.
    handle(services, lang, options.log, request, response).catch(() => response.destroy());
  });
  // Malformed HTTP (not JSON, the HTTP framing itself) is answered and the socket closed.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  try {
    oidc = await startOidc(services, { lang, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.log ? { log: options.log } : {}) });
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    outbox: services.outbox,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Requests in flight get a moment to finish; then their sockets are cut.
        const timer = setTimeout(() => server.closeAllConnections(), 2000);
        await closed;
        clearTimeout(timer);
        await store.idle();
        await persister.flush();
      })();
      return stopping;
    },
  };
}
