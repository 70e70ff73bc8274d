import { defineConfig } from 'vitest/config';

// Its own config, so that vitest does not load vite.config.ts (whose dev server starts an emulator).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
