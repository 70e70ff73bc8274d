// Bundle-size benchmark: each entry in entries/ is bundled and minified by
// esbuild (ESM, tree shaking on), then gzipped at level 9. Ours are bundled for
// the browser; peers on the platform they support (authing-node-sdk cannot be
// bundled for browsers; auth0/users is measured for node as in perf-anchors),
// with the browser attempt reported too. Per-package bytes come from the
// esbuild metafile (bytes each input contributes to the minified output).
// The @authing/protocols browser bundles are also checked for XML/SAML/CAS code
// (forbidden modules are a problem, hence a non-zero exit).
//
//   node bundle.mjs            prints the table, writes .bench-out/bundle.json
//   node bundle.mjs --json     prints only the JSON
import * as esbuild from 'esbuild-wasm';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { benchDir, checkOurDist, fmt, isLinked, kb, machine, outDir, ownerOf, readJson, repoRoot, table, versionOf } from './lib.mjs';

/** The 8 KB (gzip) design target for management-listUsers. */
export const TARGET_GZIP = 8_000;
/** Issue targets (gzip) of the OIDC browser entries: authorize URL only, and the whole code flow. */
export const TARGET_AUTHORIZE_GZIP = 3_000;
export const TARGET_CODE_FLOW_GZIP = 12_000;

/**
 * What a browser bundle of @authing/protocols/oidc must never contain: the XML, CAS and SAML
 * stacks (packages, by the name of the package.json that owns each input), our own cas/saml
 * entries, and any src/cas or src/saml file (also looked up in the sourcemap of our dist files).
 */
export const NO_XML = {
  packages: [/^fast-xml-parser$/, /^@node-saml\//, /^xml-crypto$/, /^@xmldom\//],
  files: [/(^|\/)src\/(cas|saml)\//, /@authing\/protocols\/dist\/(cas|saml)\./, /packages\/protocols\/dist\/(cas|saml)\./],
};

/**
 * platform: where the size is quoted. alsoBrowser: also try a browser bundle and report it.
 * needs: our packages/subpaths that must be built (dist) for the entry to run.
 * lazy: packages the entry loads with import() only when used (left out of the size; bundlers split them out).
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
    id: 'authentication-full',
    file: 'authentication-full.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/authentication': ['.'], '@authing/protocols': ['./oidc', './cas'] },
  },
  {
    id: 'legacy-v2 ManagementClient (users.list)',
    file: 'legacy-v2-management.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/management': ['.'], '@authing/authentication': ['.'], '@authing/legacy-v2': ['.'] },
    optional: '@authing/legacy-v2',
    lazy: ['node-forge', 'sm-crypto'],
  },
  {
    id: 'legacy-v2 AuthenticationClient (loginByUsername)',
    file: 'legacy-v2-authentication.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/authentication': ['.'], '@authing/protocols': ['./oidc', './cas'], '@authing/legacy-v2': ['.'] },
    optional: '@authing/legacy-v2',
    lazy: ['node-forge', 'sm-crypto'],
  },
  {
    id: 'authing-js-sdk ManagementClient users.list (the v2 SDK)',
    file: 'authing-js-sdk-management.mjs',
    kind: 'peer',
    pkg: 'authing-js-sdk',
    platform: 'browser',
    optional: 'authing-js-sdk',
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
  {
    id: 'protocols-authorize',
    file: 'protocols-authorize.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/protocols': ['./oidc'] },
    optional: '@authing/protocols',
    target: TARGET_AUTHORIZE_GZIP,
    forbid: NO_XML,
  },
  {
    id: 'protocols-code-flow',
    file: 'protocols-code-flow.mjs',
    kind: 'ours',
    platform: 'browser',
    needs: { '@authing/core': ['.'], '@authing/protocols': ['./oidc'] },
    optional: '@authing/protocols',
    target: TARGET_CODE_FLOW_GZIP,
    forbid: NO_XML,
  },
  {
    id: 'openid-client discovery + authorize URL + code grant (no signature check)',
    file: 'openid-client-code-flow.mjs',
    kind: 'peer',
    pkg: 'openid-client',
    platform: 'browser',
    optional: 'openid-client',
  },
  {
    id: 'auth0/legacy AuthenticationClient code grant (RS256 signature check)',
    file: 'auth0-legacy-code-grant.mjs',
    kind: 'peer',
    pkg: 'auth0',
    platform: 'browser',
  },
  {
    id: 'authing-js-sdk AuthenticationClient authorize URL + code exchange (no ID-token check)',
    file: 'authing-js-sdk-code-flow.mjs',
    kind: 'peer',
    pkg: 'authing-js-sdk',
    platform: 'browser',
    optional: 'authing-js-sdk',
  },
  {
    id: 'oauth4webapi + jose code flow with signature check (the floor)',
    file: 'oauth4webapi-jose-code-flow.mjs',
    kind: 'baseline',
    pkg: ['oauth4webapi', 'jose'],
    platform: 'browser',
    optional: 'oauth4webapi',
  },
];

const buildOptions = (entryPath, platform, entry) => ({
  entryPoints: [entryPath],
  // Loaded with import() only when used: a bundler puts them in chunks of their own.
  external: entry?.lazy ?? [],
  absWorkingDir: benchDir,
  bundle: true,
  minify: true,
  format: 'esm',
  platform,
  write: false,
  logLevel: 'silent',
});

/**
 * Gzip size of the same bundle with its third-party packages left out (external): our own
 * code's share after compression (ky for the API clients; jose and oauth4webapi for protocols).
 */
async function gzipWithoutDeps(entryPath, platform, deps, entry) {
  const result = await esbuild.build({ ...buildOptions(entryPath, platform), external: [...deps, ...(entry.lazy ?? [])] });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` into, per generated line, [generated column, source index or -1]. */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    return segments;
  });
}

/**
 * Minified bytes per ORIGINAL source file: the same bundle built with a source map, which esbuild
 * chains through our dist's own maps back to packages/<pkg>/src/*.ts. Each generated byte is
 * charged to the source of the mapping segment it falls in. Separate build: the measured bundle
 * carries no map.
 */
async function bytesBySource(entryPath, platform, entry) {
  const outfile = path.join(outDir, 'bundles', 'sources.tmp.js');
  const result = await esbuild.build({ ...buildOptions(entryPath, platform, entry), sourcemap: 'external', outfile });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map')).text);
  const names = map.sources.map((source) => {
    const abs = path.resolve(path.dirname(outfile), source);
    const inModules = abs.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    return inModules >= 0 ? abs.slice(inModules + 14) : path.relative(repoRoot, abs);
  });
  const bytes = new Map();
  const lines = js.split('\n');
  decodeMappings(map.mappings).forEach((segments, i) => {
    segments.forEach(([column, source], k) => {
      const end = k + 1 < segments.length ? segments[k + 1][0] : lines[i].length;
      const name = source < 0 ? '(unmapped)' : names[source];
      bytes.set(name, (bytes.get(name) ?? 0) + end - column);
    });
  });
  return [...bytes].map(([source, n]) => ({ source, bytes: n })).sort((a, b) => b.bytes - a.bytes);
}

/** Inputs of a bundle that `forbid` rules out, with the sources of our dist files (from their sourcemaps). */
function forbiddenInputs(inputs, forbid) {
  const packageHits = [];
  const hits = [];
  for (const input of Object.keys(inputs)) {
    const abs = path.resolve(benchDir, input);
    const owner = ownerOf(input).name;
    if (forbid.packages.some((re) => re.test(owner))) packageHits.push(`${owner} (${input})`);
    else if (forbid.files.some((re) => re.test(input) || re.test(abs))) hits.push(input);
    if (!owner.startsWith('@authing/') || !existsSync(`${abs}.map`)) continue;
    try {
      for (const source of readJson(`${abs}.map`).sources ?? []) {
        const resolved = path.resolve(path.dirname(abs), source);
        if (forbid.files.some((re) => re.test(source) || re.test(resolved))) hits.push(`${source} (via ${path.basename(abs)}.map)`);
      }
    } catch {
      hits.push(`${input}: unreadable sourcemap`);
    }
  }
  return [...packageHits, ...hits];
}

async function bundleOnce(entry, platform) {
  const entryPath = path.join(benchDir, 'entries', entry.file);
  try {
    const result = await esbuild.build({
      ...buildOptions(entryPath, platform, entry),
      metafile: true,
      outfile: path.join(outDir, 'bundles', `${entry.id.replace(/[^\w.-]+/g, '_')}.${platform}.js`),
    });
    const code = result.outputFiles[0].contents;
    const [, output] = Object.entries(result.metafile.outputs).find(([p]) => p.endsWith('.js'));
    const perPackage = new Map();
    const ourFilesOutsideDist = [];
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const abs = path.resolve(benchDir, input);
      // "(disabled):crypto" = a Node builtin the browser build replaced with an empty module.
      const name = abs === entryPath ? '(entry)' : input.startsWith('(disabled):') ? '(disabled)' : ownerOf(input).name;
      if (name.startsWith('@authing/') && !abs.split(path.sep).includes('dist')) ourFilesOutsideDist.push(input);
      perPackage.set(name, (perPackage.get(name) ?? 0) + bytesInOutput);
    }
    const forbidden = entry.forbid ? forbiddenInputs(output.inputs, entry.forbid) : [];
    const packages = [...perPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
    const deps = packages.map((p) => p.name).filter((n) => !n.startsWith('@authing/') && !n.startsWith('('));
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
      ...(entry.kind === 'ours' && deps.length ? { gzipWithoutDeps: await gzipWithoutDeps(entryPath, platform, deps, entry), deps } : {}),
      packages,
      ...(entry.kind === 'ours' ? { sources: await bytesBySource(entryPath, platform, entry) } : {}),
      ...(entry.lazy ? { lazy: entry.lazy } : {}),
      ourFilesOutsideDist,
      ...(entry.forbid ? { forbidden } : {}),
    };
  } catch (error) {
    const messages = (error.errors ?? [{ text: String(error.message ?? error) }]).map((e) => e.text);
    return { ok: false, platform, error: [...new Set(messages)].join('; ') };
  }
}

export async function runBundle({ quiet = false } = {}) {
  const results = [];
  const problems = [];
  /** Problems that fail the run even with --allow-missing (XML/SAML code in an OIDC browser bundle). */
  const fatal = [];
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
    const pkgs = [entry.pkg ?? '@authing/management'].flat();
    const version = pkgs.length > 1 ? pkgs.map((p) => `${p} ${versionOf(p)}`).join(' + ') : versionOf(pkgs[0]);
    const main = await bundleOnce(entry, entry.platform);
    const browser = entry.alsoBrowser ? await bundleOnce(entry, 'browser') : undefined;
    if (!main.ok) problems.push(`${entry.id} (${entry.platform}): ${main.error}`);
    if (main.ok && main.ourFilesOutsideDist.length) {
      problems.push(`${entry.id}: bundled our sources instead of dist: ${main.ourFilesOutsideDist.slice(0, 3).join(', ')}`);
    }
    if (main.ok && main.forbidden?.length) {
      const problem = `${entry.id}: the browser bundle contains XML/CAS/SAML code: ${main.forbidden.slice(0, 5).join(', ')}${main.forbidden.length > 5 ? ', …' : ''}`;
      problems.push(problem);
      fatal.push(problem);
    }
    results.push({ ...base, version, ...main, ...(browser ? { browser } : {}), ...(entry.target ? { target: entry.target } : {}) });
  }
  await esbuild.stop?.();

  const report = { kind: 'bundle', esbuild: `esbuild-wasm ${esbuild.version}`, machine: machine(), results, problems, fatal };
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
    const label = !r.version ? r.id : r.version.includes(' ') ? `${r.id} (${r.version})` : `${r.id} @${r.version}`;
    if (r.skipped) rows.push([label, '–', 'skipped', '', '', '', r.skipped]);
    else if (r.missing) rows.push([label, '–', 'MISSING', '', '', '', 'dist not built, see below']);
    else if (!r.ok) rows.push([label, r.platform, 'FAIL', '', '', '', r.error.slice(0, 120)]);
    else rows.push([label, r.platform, fmt(r.minified), fmt(r.gzip), fmt(r.brotli), r.gzipWithoutDeps ? fmt(r.gzipWithoutDeps) : '–', top3(r.packages, r.minified)]);
    if (r.browser) {
      notes.push(
        r.browser.ok
          ? `- ${r.id}: browser bundle works too: ${fmt(r.browser.minified)} B min, ${fmt(r.browser.gzip)} B gzip (${top3(r.browser.packages, r.browser.minified)}).`
          : `- ${r.id}: **browser bundle fails**: ${r.browser.error.slice(0, 300)}`,
      );
    }
    if (r.ok && r.target) {
      const verdict = r.gzip <= r.target ? 'within' : 'OVER';
      notes.push(`- ${r.id}: ${fmt(r.gzip)} B gzip vs the ${fmt(r.target)} B (${r.target / 1000} KB) target: ${verdict} by ${fmt(Math.abs(r.target - r.gzip))} B.`);
    }
    if (r.ok && r.forbidden) {
      notes.push(`- ${r.id}: XML/CAS/SAML check (${r.modules} modules, and the sourcemaps of our dist files): ${r.forbidden.length ? `**FAIL**: ${r.forbidden.join(', ')}` : 'none of fast-xml-parser, @node-saml, xml-crypto, @xmldom, src/cas, src/saml'}.`);
    }
    if (r.ok && r.kind === 'ours') {
      const ky = r.packages.find((p) => p.name === 'ky')?.bytes ?? 0;
      const own = r.packages.filter((p) => p.name.startsWith('@authing/')).reduce((s, p) => s + p.bytes, 0);
      const all = r.packages.map((p) => `${p.name} ${fmt(p.bytes)}`).join(', ');
      notes.push(`- ${r.id} minified bytes by package: ${all} (${ky ? `ky ${Math.round((100 * ky) / r.minified)}%, ` : ''}@authing/* ${Math.round((100 * own) / r.minified)}%; ${r.modules} modules${r.deps?.length ? `; "w/o deps" leaves out ${r.deps.join(', ')}` : ''}).`);
    }
    if (r.ok && r.target && r.sources) {
      const ourSources = r.sources.filter((s) => s.source.startsWith('packages/'));
      const list = ourSources.slice(0, 10).map((s) => `${s.source.replace(/^packages\/([^/]+)\/src\//, '$1/')} ${fmt(s.bytes)}`);
      notes.push(`- ${r.id} our minified bytes by source file (sourcemaps): ${list.join(', ')}${ourSources.length > 10 ? `, … (${ourSources.length} files)` : ''}.`);
    }
  }
  const m = report.machine;
  return [
    `## Bundle size (${report.esbuild}: bundle, minify, format esm, tree shaking; gzip -9, brotli q11; bytes)`,
    '',
    table(['Entry', 'Platform', 'Minified', 'Gzip', 'Brotli', 'Gzip w/o deps', 'Top 3 packages (minified bytes in output)'], rows, 'llrrrrl'),
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
