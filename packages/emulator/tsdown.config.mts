import { defineConfig } from 'tsdown';

// Dual ESM/CJS with types. `cli` is the bin (`dist/cli.mjs`); its CJS twin is unused but harmless,
// and one config (rather than two) keeps the two builds from cleaning each other's output.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  platform: 'node',
  checks: { legacyCjs: false },
});
