import type { PackageConfig } from './packages.ts';

type Branch = { types: string; default: string };
type ExportEntry = { import: Branch; require: Branch };

function entry(file: string): ExportEntry {
  return {
    import: { types: `./dist/${file}.d.mts`, default: `./dist/${file}.mjs` },
    require: { types: `./dist/${file}.d.cts`, default: `./dist/${file}.cjs` },
  };
}

// The hand-written entry points (and so dist files), which areas must not shadow.
const fixedSubpaths = ['index', 'client', 'node', 'package.json'];

/** The `exports` map: the root, `./client`, `./node`, one subpath per area, and `./package.json`. */
export function exportsMap(areas: readonly string[]): Record<string, ExportEntry | string> {
  const clash = areas.find((area) => fixedSubpaths.includes(area));
  if (clash) throw new Error(`Area ${clash} would shadow a hand-written entry point`);
  return {
    '.': entry('index'),
    './client': entry('client'),
    './node': entry('node'),
    ...Object.fromEntries(areas.map((area) => [`./${area}`, entry(area)])),
    './package.json': './package.json',
  };
}

function minimalManifest(config: PackageConfig): Record<string, unknown> {
  return {
    name: `@authing/${config.id}`,
    version: '0.0.0',
    type: 'commonjs',
    sideEffects: false,
    exports: {},
    files: ['dist'],
    engines: { node: '>=22.12.0' },
    dependencies: { '@authing/core': 'workspace:^' },
  };
}

/**
 * The package's package.json with only `exports` replaced, every other field
 * and the key order kept; a minimal manifest when there is none yet.
 */
export function packageManifest(config: PackageConfig, current: string | undefined, areas: readonly string[]): string {
  const manifest = current === undefined ? minimalManifest(config) : (JSON.parse(current) as Record<string, unknown>);
  const exports = exportsMap(areas);
  const entries = Object.entries(manifest);
  const at = entries.findIndex(([key]) => key === 'exports');
  if (at >= 0) entries[at] = ['exports', exports];
  else {
    const files = entries.findIndex(([key]) => key === 'files');
    entries.splice(files >= 0 ? files : entries.length, 0, ['exports', exports]);
  }
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}
