// Cold-start benchmark: wall time of a fresh `node` that imports (or requires)
// a package and exits, minus an empty `node` of the same kind. All targets run
// in the same process, interleaved round-robin (the starting target rotates
// each round), so machine load affects them alike. One warm-up round is
// discarded. A separate untimed pass counts the modules each target loads.
//
//   node coldstart.mjs [--runs 15] [--json]      (or BENCH_RUNS=15)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir, checkOurDist, isLinked, machine, median, outDir, quantile, table, versionOf } from './lib.mjs';

// Each child also prints its own CPU time (user+sys, µs) once the import is done:
// much less sensitive to other jobs on the machine than wall time.
const reportCpu = "process.stderr.write('\\n__BENCH_CPU__ '+((u)=>u.user+u.system)(process.cpuUsage()));";
const esm = (code) => ['--input-type=module', '-e', `${code}${reportCpu}`];
const cjs = (code) => ['-e', `${code}${reportCpu}`];

/** baseline: the empty run that target's delta is taken against. */
export const targets = [
  { id: 'baseline: empty ESM eval', args: esm(''), baseline: 'esm' },
  { id: 'baseline: empty CJS eval', args: cjs(''), baseline: 'cjs' },
  {
    id: '@authing/management/client + /users (import)',
    pkg: '@authing/management',
    args: esm("await import('@authing/management/client'); await import('@authing/management/users');"),
    against: 'esm',
    needs: { '@authing/core': ['.'], '@authing/management': ['./client', './users'] },
  },
  {
    id: '@authing/management (import, full)',
    pkg: '@authing/management',
    args: esm("await import('@authing/management');"),
    against: 'esm',
    needs: { '@authing/core': ['.'], '@authing/management': ['.'] },
  },
  {
    id: '@authing/core (import)',
    pkg: '@authing/core',
    args: esm("await import('@authing/core');"),
    against: 'esm',
    needs: { '@authing/core': ['.'] },
  },
  {
    id: '@authing/authentication/client + /login (import)',
    pkg: '@authing/authentication',
    args: esm("await import('@authing/authentication/client'); await import('@authing/authentication/login');"),
    against: 'esm',
    needs: { '@authing/core': ['.'], '@authing/authentication': ['./client', './login'] },
    optional: '@authing/authentication',
  },
  // Node initialises its fetch (undici) lazily; ky's import-time feature probe
  // (`new Request(...)`) triggers it. Any fetch-based SDK pays this on its first request.
  { id: 'reference: Node fetch init (new Request)', args: esm("new Request('https://example.com');"), against: 'esm' },
  { id: 'ky (import, our transport)', pkg: 'ky', args: esm("await import('ky');"), against: 'esm' },
  { id: 'authing-node-sdk (import)', pkg: 'authing-node-sdk', args: esm("await import('authing-node-sdk');"), against: 'esm' },
  { id: 'authing-node-sdk (require)', pkg: 'authing-node-sdk', args: cjs("require('authing-node-sdk');"), against: 'cjs' },
  { id: 'auth0 (import)', pkg: 'auth0', args: esm("await import('auth0');"), against: 'esm' },
];

function childEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

function runOnce(target, extraArgs = []) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...extraArgs, ...target.args], { cwd: benchDir, env: childEnv(), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    const lines = (r.stderr || String(r.error)).trim().split('\n');
    const why = lines.find((l) => /^\w*Error\b|Error \[|Cannot find/.test(l.trim())) ?? lines.at(-1);
    throw new Error(`${target.id}: exit ${r.status}: ${why.trim()}`);
  }
  const cpu = /__BENCH_CPU__ (\d+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, stderr: r.stderr };
}

function countModules(target) {
  const { stderr } = runOnce(target, ['--import', path.join(benchDir, 'count-modules.mjs')]);
  const m = /__BENCH_MODULES__ (\d+) (\d+)/.exec(stderr);
  return m ? { modules: Number(m[1]), rssMiB: +(Number(m[2]) / 2 ** 20).toFixed(1) } : {};
}

export function runColdstart({ runs = Number(process.env.BENCH_RUNS) || 15, quiet = false } = {}) {
  const problems = [];
  const active = [];
  const results = [];
  for (const t of targets) {
    if (t.optional && !isLinked(t.optional)) continue;
    const missing = Object.entries(t.needs ?? {}).flatMap(([name, subs]) => checkOurDist(name, subs));
    if (missing.length) {
      results.push({ id: t.id, missing });
      problems.push(...missing.map((m) => `${t.id}: ${m}`));
    } else active.push(t);
  }
  const samples = new Map(active.map((t) => [t.id, []]));
  const cpuSamples = new Map(active.map((t) => [t.id, []]));
  const failures = new Map(active.map((t) => [t.id, []]));
  for (let round = -1; round < runs; round++) {
    for (let i = 0; i < active.length; i++) {
      const t = active[(i + Math.max(round, 0)) % active.length];
      try {
        const { ms, cpuMs } = runOnce(t);
        if (round >= 0) {
          samples.get(t.id).push(ms);
          cpuSamples.get(t.id).push(cpuMs);
        }
      } catch (error) {
        // A failed run (e.g. a dist being rebuilt meanwhile) is reported, not timed.
        failures.get(t.id).push(error.message);
      }
    }
  }
  const failed = new Set(active.filter((t) => samples.get(t.id).length === 0).map((t) => t.id));
  for (const [id, errors] of failures) {
    if (errors.length) problems.push(`${id}: ${errors.length} of ${runs + 1} runs failed, first: ${errors[0]}`);
  }
  const baselines = {};
  const cpuBaselines = {};
  for (const t of active) {
    if (t.baseline && !failed.has(t.id)) {
      baselines[t.baseline] = median(samples.get(t.id));
      cpuBaselines[t.baseline] = median(cpuSamples.get(t.id));
    }
  }
  for (const t of active) {
    if (failed.has(t.id)) {
      results.push({ id: t.id, failed: true });
      continue;
    }
    const xs = samples.get(t.id);
    const med = median(xs);
    const base = t.against ? baselines[t.against] : undefined;
    let counted = {};
    try {
      counted = countModules(t);
    } catch {}
    results.push({
      id: t.id,
      version: t.pkg ? versionOf(t.pkg) : process.version,
      command: `node ${t.args.map((a) => a.replace(reportCpu, '')).map((a) => (/\s|'|^$/.test(a) ? JSON.stringify(a) : a)).join(' ')}`,
      runs: xs.length,
      failedRuns: failures.get(t.id).length,
      medianMs: +med.toFixed(1),
      p90Ms: +quantile(xs, 0.9).toFixed(1),
      p10Ms: +quantile(xs, 0.1).toFixed(1),
      minMs: +Math.min(...xs).toFixed(1),
      deltaMs: base === undefined ? undefined : +(med - base).toFixed(1),
      cpuMedianMs: +median(cpuSamples.get(t.id)).toFixed(1),
      cpuDeltaMs: t.against ? +(median(cpuSamples.get(t.id)) - cpuBaselines[t.against]).toFixed(1) : undefined,
      samplesMs: xs.map((x) => +x.toFixed(1)),
      ...counted,
    });
  }
  const order = new Map(targets.map((t, i) => [t.id, i]));
  results.sort((a, b) => order.get(a.id) - order.get(b.id));
  const report = { kind: 'coldstart', runs, machine: machine(), results, problems };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'coldstart.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (!quiet) console.log(renderColdstart(report));
  return report;
}

export function renderColdstart(report) {
  const ref = report.results.find((r) => r.id === 'authing-node-sdk (import)');
  const rows = report.results.map((r) => {
    const label = r.version ? `${r.id} @${r.version}` : r.id;
    if (r.missing) return [label, 'MISSING', '', '', '', '', '', '', ''];
    if (r.failed) return [label, 'FAIL', '', '', '', '', '', '', ''];
    const vsRef = ref?.deltaMs && r.deltaMs !== undefined ? `${((100 * r.deltaMs) / ref.deltaMs).toFixed(0)}%` : '';
    const cpu = r.cpuDeltaMs === undefined ? `${r.cpuMedianMs}` : `${r.cpuMedianMs} (${r.cpuDeltaMs})`;
    return [label, r.medianMs, r.p90Ms, `${r.p10Ms}–${r.p90Ms}`, r.deltaMs ?? '–', vsRef, cpu, r.modules ?? '', r.rssMiB ?? ''];
  });
  const m = report.machine;
  return [
    `## Cold start (wall ms of a fresh node process, ${report.runs} interleaved runs per target after 1 warm-up round)`,
    '',
    table(['Target', 'Median', 'p90', 'p10–p90', 'Δ median vs empty', 'Δ vs authing-node-sdk import', 'CPU median (Δ)', 'Modules', 'RSS MiB'], rows, 'lrrrrrrrr'),
    '',
    '- Δ = median minus the median of the empty eval of the same kind (ESM `--input-type=module -e ""`, or CJS `-e ""`). Wall ms unless marked CPU.',
    '- CPU = user+sys ms of the child at import-done (`process.cpuUsage()`), median; less sensitive to machine load than wall time.',
    '- Modules / RSS: unique file: modules loaded and RSS at exit, from one extra untimed run with a counting `--import` hook.',
    ...(report.problems.length ? ['', '**Problems:**', ...report.problems.map((p) => `- ${p}`)] : []),
    '',
    `_${m.date}, node ${m.node}, ${m.cpu}, load ${m.loadavg.join('/')}_`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const json = process.argv.includes('--json');
  const report = runColdstart({ runs, quiet: json });
  if (json) console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.problems.length ? 1 : 0;
}
