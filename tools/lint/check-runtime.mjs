#!/usr/bin/env node
// Shared code must run on browsers, edge runtimes, Deno and Bun: only fetch and
// WebCrypto. This check fails on Node built-ins and on reads of `process` in
// any source file not listed as a Node-only entry point.
//   node check-runtime.mjs <src dir> [--node-only <file or folder> ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
const nodeOnly = new Set(rest.filter((arg) => arg !== '--node-only').map((file) => join(file)));
const rules = [
  [/\bfrom\s+['"](node:|fs['"]|path['"]|crypto['"]|os['"]|http['"]|https['"]|buffer['"]|util['"])/, 'imports a Node built-in'],
  [/\brequire\(\s*['"]node:/, 'requires a Node built-in'],
  [/\bprocess\.|\bprocess\[|typeof process\b/, 'reads `process`'],
  [/\bBuffer\./, 'uses Node\'s Buffer'],
];

function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|mts|cts)$/.test(name)) yield full;
  }
}

let failures = 0;
for (const file of files(dir)) {
  if ([...nodeOnly].some((path) => file === path || file.startsWith(`${path}/`))) continue;
  readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (/^\s*(\/\/|\/?\*)/.test(line)) return;
    for (const [pattern, what] of rules) {
      if (pattern.test(line)) {
        failures++;
        console.error(`${relative(process.cwd(), file)}:${index + 1}: ${what} in runtime-agnostic code`);
      }
    }
  });
}
if (failures > 0) process.exit(1);
console.log(`check-runtime: ${dir} uses only fetch and WebCrypto`);
