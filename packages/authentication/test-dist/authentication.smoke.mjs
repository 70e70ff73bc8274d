// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import * as root from '@authing/authentication';
import * as clientEntry from '@authing/authentication/client';
import * as profile from '@authing/authentication/profile';
import * as nodeEntry from '@authing/authentication/node';

test(`ESM: ${scenario.title}`, () => scenario.run({ root, clientEntry, profile, nodeEntry }));
