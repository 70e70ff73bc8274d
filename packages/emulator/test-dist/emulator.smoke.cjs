// The built CommonJS output, loaded by package name.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const { startEmulator } = require('@authing/emulator');

test(`CJS: ${scenario.title}`, () => scenario.run({ startEmulator }));
