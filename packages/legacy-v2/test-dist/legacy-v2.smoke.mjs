// The built ES module output, loaded by package name.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import * as legacy from '@authing/legacy-v2';

test(`ESM: ${scenario.title}`, () => scenario.run(legacy));
