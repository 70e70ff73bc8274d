// The built CommonJS output, loaded by package name and subpaths.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const root = require('@authing/authentication');
const clientEntry = require('@authing/authentication/client');
const profile = require('@authing/authentication/profile');
const nodeEntry = require('@authing/authentication/node');

test(`CJS: ${scenario.title}`, () => scenario.run({ root, clientEntry, profile, nodeEntry }));
