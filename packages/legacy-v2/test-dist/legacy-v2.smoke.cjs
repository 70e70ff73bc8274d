// The built CommonJS output, loaded by package name.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const legacy = require('@authing/legacy-v2');

test(`CJS: ${scenario.title}`, () => scenario.run(legacy));
