// The built ES module output, loaded by package name.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import { startEmulator } from '@authing/emulator';

test(`ESM: ${scenario.title}`, () => scenario.run({ startEmulator }));
