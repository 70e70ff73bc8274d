#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.ts';
import type { Lang } from './messages.ts';

const usage = 'usage: authing-emulator [--port 3000] [--host 127.0.0.1] [--data-dir DIR] [--seed seed.json] [--lang zh-CN] [--verbose]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  const emulator = await startEmulator({
    port,
    host: values.host,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values.seed ? { seed: values.seed } : {}),
    ...(values.lang ? { lang: values.lang as Lang } : {}),
    // Only method, path, status and request id: never headers or bodies, which carry secrets.
    ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
  });
  // The one line a parent process (or a person) needs: where to point the SDK.
  console.log(`authing-emulator listening on ${emulator.url}`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
