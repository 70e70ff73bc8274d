import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsdown';

// One entry per resource module (each is a package subpath), plus the facade,
// the small client factory and the Node-only entry.
const resources = Object.fromEntries(
  readdirSync('src/resources')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [file.slice(0, -3), `src/resources/${file}`]),
);

export default defineConfig({
  entry: { index: 'src/index.ts', client: 'src/client.ts', node: 'src/node.ts', ...resources },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  checks: { legacyCjs: false },
});
