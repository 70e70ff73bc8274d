// The built CommonJS output, loaded by package name and subpaths.
const { test } = require('node:test');
const scenario = require('./scenario.cjs');
const oidc = require('@authing/protocols/oidc');
const cas = require('@authing/protocols/cas');
const saml = require('@authing/protocols/saml');

test(`CJS: ${scenario.title}`, () => scenario.run({ oidc, cas, saml }));
