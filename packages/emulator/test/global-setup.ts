import { resolve } from 'node:path';
import { build } from 'tsdown';

/**
 * The crash test runs the built bin in a child process. It is built here into
 * `.test-build/` (never `dist/`, which the package's own build owns) so the
 * test always runs the current source, whatever turbo built before.
 */
export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  await build({
    cwd: root,
    config: false,
    entry: { cli: 'src/cli.ts' },
    outDir: '.test-build',
    format: ['esm'],
    dts: false,
    platform: 'node',
    logLevel: 'error',
  });
}
