import { readdirSync } from 'node:fs';
import type { UserConfig } from 'tsdown';

/**
 * tsdown settings shared by the generated API packages (management,
 * authentication): one entry per resource module, each a package subpath,
 * plus the facade, the small client factory and the Node-only entry.
 */
export function apiPackageConfig(): UserConfig {
  const resources = Object.fromEntries(
    readdirSync('src/resources')
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [file.slice(0, -3), `src/resources/${file}`]),
  );
  return {
    entry: { index: 'src/index.ts', client: 'src/client.ts', node: 'src/node.ts', ...resources },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    checks: { legacyCjs: false },
  };
}
