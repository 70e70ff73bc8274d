import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A running `prism mock`. */
export interface PrismServer {
  readonly url: string;
  /** Milliseconds from spawn until Prism answered HTTP. */
  readonly startupMs: number;
  /** The last lines Prism printed. */
  tail(lines?: number): string;
  /** Kills Prism's process group and waits until Prism has exited. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Give up waiting for Prism after this many milliseconds. Default 90 000. */
  startTimeout?: number;
}

const require = createRequire(import.meta.url);

function prismBin(): string {
  const pkgFile = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(pkgFile) as { bin: string | Record<string, string> };
  return join(dirname(pkgFile), typeof bin === 'string' ? bin : (bin.prism as string));
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group (Prism may fork a worker).
    process.kill(-(child.pid as number), signal);
  } catch {
    child.kill(signal);
  }
}

async function startOnce(specFile: string, timeout: number): Promise<PrismServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [prismBin(), 'mock', '-h', '127.0.0.1', '-p', String(port), specFile], {
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 2000) lines.splice(0, lines.length - 1000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const tail = (count = 40) => [...lines, partial].filter(Boolean).slice(-count).join('\n');
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `exit code ${code}${signal ? `, signal ${signal}` : ''}`));
  child.once('error', (error) => (exit = `spawn error: ${error.message}`));

  const stop = async () => {
    if (exit === undefined && child.exitCode === null) {
      killGroup(child, 'SIGTERM');
      const done = exited(child);
      if ((await Promise.race([done.then(() => true), sleep(5000).then(() => false)])) === false) {
        killGroup(child, 'SIGKILL');
        await done;
      }
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
  };

  while (true) {
    if (exit !== undefined) {
      throw new Error(`Prism exited before answering (${exit}) for ${specFile}; its output:\n${tail()}`);
    }
    if (performance.now() - started > timeout) {
      await stop();
      throw new Error(`Prism did not answer on ${url} within ${timeout} ms for ${specFile}; its output:\n${tail()}`);
    }
    try {
      // Prism answers `/` with its own 404 problem; checking for it rules out another server on the port.
      const body = await (await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })).text();
      if (body.includes('stoplight.io/prism') && exit === undefined) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { url, startupMs: Math.round(performance.now() - started), tail, stop };
}

/**
 * Starts `prism mock` for one OpenAPI file on a free port of 127.0.0.1 and
 * resolves once it answers HTTP. Retries with a new port if the port was
 * taken in the meantime.
 */
export async function startPrism(specFile: string, options: PrismOptions = {}): Promise<PrismServer> {
  const timeout = options.startTimeout ?? 90_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(specFile, timeout);
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}
