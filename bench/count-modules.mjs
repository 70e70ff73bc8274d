// Preloaded with `node --import ./count-modules.mjs` in a separate, untimed pass:
// counts the unique module files (file: URLs, ESM and CommonJS alike) that the
// process loads, and prints the count to stderr when it exits.
import { registerHooks } from 'node:module';

const files = new Set();
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) files.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  process.stderr.write(`\n__BENCH_MODULES__ ${files.size} ${process.memoryUsage().rss}\n`);
});
