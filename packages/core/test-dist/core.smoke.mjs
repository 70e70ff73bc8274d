// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import * as core from '@authing/core';
import * as nodeEntry from '@authing/core/node';
import * as zh from '@authing/core/i18n/zh-CN';

test(`ESM: ${scenario.title}`, () => scenario.run({ core, nodeEntry, zh }));
