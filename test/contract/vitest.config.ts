import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Test the SDK's source, not a possibly stale dist/ build.
    alias: [{ find: /^@authing\/core$/, replacement: fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
