import { defineConfig } from 'tsdown';

// One entry point per protocol, so that a browser bundle of ./oidc never
// contains XML or SAML code.
export default defineConfig({
  entry: { oidc: 'src/oidc/index.ts', cas: 'src/cas/index.ts', saml: 'src/saml/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  checks: { legacyCjs: false },
});
