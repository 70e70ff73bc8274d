import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { generate } from './generate.ts';
import { syncFiles } from './write-files.ts';

const started = performance.now();
const args = process.argv.slice(2);
const unknownArgs = args.filter((arg) => arg !== '--check');
if (unknownArgs.length > 0) {
  console.error(`Unknown argument ${unknownArgs.join(' ')}. Usage: codegen [--check]`);
  process.exit(2);
}
const check = args.includes('--check');
const root = resolve(import.meta.dirname, '../../..');
// Relative to the repository root rather than the cwd, because pnpm runs this from tools/codegen.
const specDir = resolve(root, process.env.AUTHING_OPENAPI_DIR ?? '../shared/spec');

if (!existsSync(specDir)) {
  const notice = `No OpenAPI documents at ${specDir} (set AUTHING_OPENAPI_DIR).`;
  if (check) {
    // CI machines without the documents cannot regenerate; the committed output stands.
    console.log(`codegen --check skipped: ${notice}`);
    process.exit(0);
  }
  console.error(notice);
  process.exit(1);
}

const { files, owned, summaries } = generate({ root, specDir });
const differing = syncFiles(files, owned, check).map((file) => relative(root, file));
const elapsed = `${Math.round(performance.now() - started)} ms`;

if (check) {
  if (differing.length > 0) {
    console.error(`Generated code is out of date; run \`pnpm codegen\`. Differing files:\n  ${differing.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Generated code is up to date (${files.size} files, ${elapsed}).`);
} else {
  for (const summary of summaries) {
    console.log(
      `${summary.id}: ${summary.specOperations} spec + ${summary.overlayOperations} overlay operations in ${summary.areas.length} areas; ` +
        `${summary.hiddenSkipped} hidden skipped`,
    );
  }
  console.log(`${differing.length} of ${files.size} files changed (${elapsed}).`);
}
