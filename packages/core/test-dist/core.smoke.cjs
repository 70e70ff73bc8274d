// The built CommonJS output, loaded by package name and subpaths.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const core = require('@authing/core');
const nodeEntry = require('@authing/core/node');
const zh = require('@authing/core/i18n/zh-CN');

test(`CJS: ${scenario.title}`, () => scenario.run({ core, nodeEntry, zh }));
