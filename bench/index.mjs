// `pnpm bench` (root) builds every package, then runs this: bundle size, cold
// start, then ID-token validation throughput. Our packages are measured through
// their built dist (package exports), so a missing dist is an error, reported
// before anything runs.
//
//   node index.mjs [--runs 15] [--jwt-rounds 5] [--jwt-ms 1500] [--allow-missing]
import { runBundle } from './bundle.mjs';
import { runColdstart } from './coldstart.mjs';
import { runJwt } from './jwt.mjs';
import { buildHint, checkOurDist, isLinked, ours } from './lib.mjs';

const args = process.argv.slice(2);
const argValue = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : undefined;
};
const runs = argValue('--runs');

const required = ['@authing/core', '@authing/management'];
const optional = Object.keys(ours).filter((n) => !required.includes(n) && isLinked(n));
const missing = [...required, ...optional].flatMap((name) => checkOurDist(name));
if (missing.length) {
  console.error(`@authing/bench: our packages are not built (the benchmarks import their dist through package exports):\n${missing.map((m) => `  - ${m}`).join('\n')}\n\nFix: ${buildHint}.`);
  if (!args.includes('--allow-missing')) process.exit(1);
  console.error('--allow-missing: measuring the rest.\n');
}

const started = performance.now();
const bundle = await runBundle();
console.log('');
const cold = runColdstart({ runs });
console.log('');
const jwt = await runJwt({ rounds: argValue('--jwt-rounds'), ms: argValue('--jwt-ms') });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nResults: bench/.bench-out/bundle.json, coldstart.json, jwt.json (bundles and metafiles in .bench-out/bundles/). ${seconds} s.`);
const problems = [...bundle.problems, ...cold.problems, ...jwt.problems];
if (problems.length && !args.includes('--allow-missing')) {
  console.error(`\n@authing/bench: ${problems.length} problem(s), see above.`);
  process.exitCode = 1;
}
// A browser bundle of @authing/protocols/oidc with XML/SAML/CAS code fails even with --allow-missing.
if (bundle.fatal.length) {
  console.error(`\n@authing/bench: ${bundle.fatal.join('\n')}`);
  process.exitCode = 1;
}
