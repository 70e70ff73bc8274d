// The built ES module output, loaded by package name and subpaths.
import { test } from 'node:test';
import scenario from './scenario.cjs';
import * as oidc from '@authing/protocols/oidc';
import * as cas from '@authing/protocols/cas';
import * as saml from '@authing/protocols/saml';

test(`ESM: ${scenario.title}`, () => scenario.run({ oidc, cas, saml }));
