// The built CommonJS output, loaded by package name and subpaths.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const root = require('@authing/management');
const clientEntry = require('@authing/management/client');
const users = require('@authing/management/users');
const nodeEntry = require('@authing/management/node');

test(`CJS: ${scenario.title}`, () => scenario.run({ root, clientEntry, users, nodeEntry }));
