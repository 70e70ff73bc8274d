// Bundle-size benchmark: each entry in entries/ is bundled and minified by
// esbuild (ESM, tree shaking on), then gzipped at level 9. Ours are bundled for
// the browser; peers on the platform they support (authing-node-sdk cannot be
// bundled for browsers; auth0/users is measured for node as in perf-anchors),
// with the browser attempt reported too. Per-package bytes come from the
// esbuild metafile (bytes each input contributes to the minified output).
//
//   node bundle.mjs            prints the table, writes .bench-out/bundle.json
//   node bundle.mjs --json     prints only the JSON
import * as esbuild from 'esbuild-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { benchDir, checkOurDist, fmt, isLinked, kb, machine, outDir, ownerOf, table, versionOf } from './lib.mjs';

/** The 8 KB (gzip) design target for management-listUsers. */
export const TARGET_GZIP = 8 * 1024;

/**
 * platform: where the size is quoted. alsoBrowser: also try a browser bundle and report it.
 * needs: our packages/subpaths that must be built (dist) for the entry to run.
 * optional: skip (not fail) when this package is not a dependency of the bench yet.
 */
export const entries = [
  {
    id: 'management-listUsers',
    file: 'management-listUsers.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/management': ['./client', './users'] },
    target: TARGET_GZIP,
  },
  {
    id: 'management-full',
    file: 'management-full.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/management': ['.'] },
  },
  {
    id: 'authentication-signIn',
    file: 'authentication-signIn.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/authentication': ['./client', './login'] },
    optional: '@authing/authentication',
  },
  {
    id: 'authing-node-sdk ManagementClient.listUsers',
    file: 'authing-node-sdk-listUsers.mjs',
    kind: 'peer',
    pkg: 'authing-node-sdk',
    platform: 'node',
    alsoBrowser: true,
  },
  {
    id: 'auth0/users UsersClient.list',
    file: 'auth0-users-list.mjs',
    kind: 'peer',
    pkg: 'auth0',
    platform: 'node',
    alsoBrowser: true,
  },
  { id: 'ky (transport baseline)', file: 'ky.mjs', kind: 'baseline', pkg: 'ky', platform: 'browser' },
];

const buildOptions = (entryPath, platform) => ({
  entryPoints: [entryPath],
  absWorkingDir: benchDir,
  bundle: true,
  minify: true,
  format: 'esm',
  platform,
  write: false,
  logLevel: 'silent',
});

/** Gzip size of the same bundle with ky left out (external): our own code's share after compression. */
async function gzipWithoutKy(entryPath, platform) {
  const result = await esbuild.build({ ...buildOptions(entryPath, platform), external: ['ky'] });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

async function bundleOnce(entry, platform) {
  const entryPath = path.join(benchDir, 'entries', entry.file);
  try {
    const result = await esbuild.build({
      ...buildOptions(entryPath, platform),
      metafile: true,
      outfile: path.join(outDir, 'bundles', `${entry.id.replace(/[^\w.-]+/g, '_')}.${platform}.js`),
    });
    const code = result.outputFiles[0].contents;
    const [, output] = Object.entries(result.metafile.outputs).find(([p]) => p.endsWith('.js'));
    const perPackage = new Map();
    const ourFilesOutsideDist = [];
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const abs = path.resolve(benchDir, input);
      const name = abs === entryPath ? '(entry)' : ownerOf(input).name;
      if (name.startsWith('@authing/') && !abs.split(path.sep).includes('dist')) ourFilesOutsideDist.push(input);
      perPackage.set(name, (perPackage.get(name) ?? 0) + bytesInOutput);
    }
    const packages = [...perPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
    mkdirSync(path.join(outDir, 'bundles'), { recursive: true });
    writeFileSync(result.outputFiles[0].path, code);
    writeFileSync(result.outputFiles[0].path.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
    return {
      ok: true,
      platform,
      minified: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      modules: Object.keys(output.inputs).length,
      ...(entry.kind === 'ours' ? { gzipWithoutKy: await gzipWithoutKy(entryPath, platform) } : {}),
      packages,
      ourFilesOutsideDist,
    };
  } catch (error) {
    const messages = (error.errors ?? [{ text: String(error.message ?? error) }]).map((e) => e.text);
    return { ok: false, platform, error: [...new Set(messages)].join('; ') };
  }
}

export async function runBundle({ quiet = false } = {}) {
  const results = [];
  const problems = [];
  for (const entry of entries) {
    const base = { id: entry.id, file: `entries/${entry.file}`, kind: entry.kind };
    if (entry.optional && !isLinked(entry.optional)) {
      results.push({ ...base, skipped: `${entry.optional} is not a dependency of @authing/bench yet` });
      continue;
    }
    const missing = Object.entries(entry.needs ?? {}).flatMap(([name, subs]) => checkOurDist(name, subs));
    if (missing.length) {
      results.push({ ...base, missing });
      problems.push(...missing.map((m) => `${entry.id}: ${m}`));
      continue;
    }
    const version = entry.pkg ? versionOf(entry.pkg) : versionOf('@authing/management');
    const main = await bundleOnce(entry, entry.platform);
    const browser = entry.alsoBrowser ? await bundleOnce(entry, 'browser') : undefined;
    if (!main.ok) problems.push(`${entry.id} (${entry.platform}): ${main.error}`);
    if (main.ok && main.ourFilesOutsideDist.length) {
      problems.push(`${entry.id}: bundled our sources instead of dist: ${main.ourFilesOutsideDist.slice(0, 3).join(', ')}`);
    }
    results.push({ ...base, version, ...main, ...(browser ? { browser } : {}), ...(entry.target ? { target: entry.target } : {}) });
  }
  await esbuild.stop?.();

  const report = { kind: 'bundle', esbuild: `esbuild-wasm ${esbuild.version}`, machine: machine(), results, problems };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bundle.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (!quiet) console.log(renderBundle(report));
  return report;
}

const top3 = (packages, total) =>
  packages
    .slice(0, 3)
    .map((p) => `${p.name} ${kb(p.bytes)} (${Math.round((100 * p.bytes) / total)}%)`)
    .join(', ');

export function renderBundle(report) {
  const rows = [];
  const notes = [];
  for (const r of report.results) {
    const label = r.version ? `${r.id} @${r.version}` : r.id;
    if (r.skipped) rows.push([label, '–', 'skipped', '', '', '', r.skipped]);
    else if (r.missing) rows.push([label, '–', 'MISSING', '', '', '', 'dist not built, see below']);
    else if (!r.ok) rows.push([label, r.platform, 'FAIL', '', '', '', r.error.slice(0, 120)]);
    else rows.push([label, r.platform, fmt(r.minified), fmt(r.gzip), fmt(r.brotli), r.gzipWithoutKy ? fmt(r.gzipWithoutKy) : '–', top3(r.packages, r.minified)]);
    if (r.browser) {
      notes.push(
        r.browser.ok
          ? `- ${r.id}: browser bundle works too: ${fmt(r.browser.minified)} B min, ${fmt(r.browser.gzip)} B gzip (${top3(r.browser.packages, r.browser.minified)}).`
          : `- ${r.id}: **browser bundle fails**: ${r.browser.error.slice(0, 300)}`,
      );
    }
    if (r.ok && r.target) {
      const verdict = r.gzip <= r.target ? 'within' : 'OVER';
      notes.push(`- ${r.id}: ${fmt(r.gzip)} B gzip vs the ${fmt(r.target)} B (8 KiB) design target: ${verdict} by ${fmt(Math.abs(r.target - r.gzip))} B.`);
    }
    if (r.ok && r.kind === 'ours') {
      const ky = r.packages.find((p) => p.name === 'ky')?.bytes ?? 0;
      const own = r.packages.filter((p) => p.name.startsWith('@authing/')).reduce((s, p) => s + p.bytes, 0);
      const all = r.packages.map((p) => `${p.name} ${fmt(p.bytes)}`).join(', ');
      notes.push(`- ${r.id} minified bytes by package: ${all} (ky ${Math.round((100 * ky) / r.minified)}%, @authing/* ${Math.round((100 * own) / r.minified)}%; ${r.modules} modules).`);
    }
  }
  const m = report.machine;
  return [
    `## Bundle size (${report.esbuild}: bundle, minify, format esm, tree shaking; gzip -9, brotli q11; bytes)`,
    '',
    table(['Entry', 'Platform', 'Minified', 'Gzip', 'Brotli', 'Gzip w/o ky', 'Top 3 packages (minified bytes in output)'], rows, 'llrrrrl'),
    '',
    ...notes,
    ...(report.problems.length ? ['', '**Problems:**', ...report.problems.map((p) => `- ${p}`)] : []),
    '',
    `_${m.date}, node ${m.node}, ${m.cpu}, load ${m.loadavg.join('/')}_`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes('--json');
  const report = await runBundle({ quiet: json });
  if (json) console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.problems.length ? 1 : 0;
}
