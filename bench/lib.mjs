// Helpers shared by bundle.mjs, coldstart.mjs and jwt.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
export const outDir = path.join(benchDir, '.bench-out');

const require = createRequire(path.join(benchDir, 'package.json'));

/** Our workspace packages, the directory each lives in, and the subpaths the benchmarks import. */
export const ours = {
  '@authing/core': { dir: 'packages/core', subpaths: ['.'] },
  '@authing/management': { dir: 'packages/management', subpaths: ['.', './client', './users'] },
  '@authing/authentication': { dir: 'packages/authentication', subpaths: ['.'] },
  '@authing/protocols': { dir: 'packages/protocols', subpaths: ['./oidc'] },
  '@authing/legacy-v2': { dir: 'packages/legacy-v2', subpaths: ['.'] },
};

export const buildHint = 'run `pnpm turbo run build --filter=@authing/management... --filter=@authing/protocols...` (or `pnpm bench`) from the repo root first';

/** Whether `name` is linked into bench/node_modules, i.e. a declared dependency of @authing/bench. */
export function isLinked(name) {
  return existsSync(path.join(benchDir, 'node_modules', name, 'package.json'));
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Checks that each subpath of one of our packages resolves, through its package
 * `exports` (import condition), to an existing file under its `dist/`.
 * Returns a list of problems (empty when everything is built).
 */
export function checkOurDist(name, subpaths = ours[name].subpaths) {
  const problems = [];
  if (!isLinked(name)) return [`${name} is not a dependency of @authing/bench (add it with "workspace:^" and run pnpm install)`];
  const pkgDir = path.join(benchDir, 'node_modules', name);
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  for (const sub of subpaths) {
    const spec = sub === '.' ? name : `${name}/${sub.slice(2)}`;
    const entry = pkg.exports?.[sub];
    const target = typeof entry === 'string' ? entry : (entry?.import?.default ?? entry?.import ?? entry?.default);
    if (!entry) {
      problems.push(`${spec}: no "${sub}" in ${name}'s package.json exports`);
      continue;
    }
    if (typeof target !== 'string') {
      problems.push(`${spec}: no import target in exports["${sub}"]`);
      continue;
    }
    if (!target.startsWith('./dist/')) problems.push(`${spec}: exports["${sub}"] points at ${target}, not at ./dist/`);
    if (!existsSync(path.join(pkgDir, target))) problems.push(`${spec}: ${target} does not exist (${buildHint})`);
  }
  return problems;
}

/** Package name and version that own a file: the nearest package.json with a "name" above it. */
const ownerCache = new Map();
export function ownerOf(file) {
  let dir = path.dirname(path.resolve(benchDir, file));
  const seen = [];
  while (true) {
    if (ownerCache.has(dir)) {
      const hit = ownerCache.get(dir);
      for (const d of seen) ownerCache.set(d, hit);
      return hit;
    }
    seen.push(dir);
    const pj = path.join(dir, 'package.json');
    if (existsSync(pj)) {
      const { name, version } = readJson(pj);
      if (name) {
        const hit = { name, version };
        for (const d of seen) ownerCache.set(d, hit);
        return hit;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return { name: '(unknown)', version: '' };
    dir = up;
  }
}

export function versionOf(name) {
  try {
    return readJson(require.resolve(`${name}/package.json`)).version;
  } catch {
    try {
      return readJson(path.join(benchDir, 'node_modules', name, 'package.json')).version;
    } catch {
      return '';
    }
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

export function median(xs) {
  return quantile(xs, 0.5);
}

/** Linear-interpolated quantile (q in [0,1]) of a numeric array. */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Renders rows (arrays of cells) as a GitHub-flavoured markdown table; `align` is a string of 'l'/'r'. */
export function table(header, rows, align) {
  const a = align ?? header.map(() => 'l').join('');
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (a[i] === 'r' ? '---:' : '---'))), ...rows.map((r) => line(r.map(String)))].join('\n');
}

export const fmt = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : String(n));
export const kb = (n) => `${(n / 1000).toFixed(1)}k`;
