// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import * as root from '@authing/management';
import * as clientEntry from '@authing/management/client';
import * as users from '@authing/management/users';
import * as nodeEntry from '@authing/management/node';

test(`ESM: ${scenario.title}`, () => scenario.run({ root, clientEntry, users, nodeEntry }));
