// The scenario both smoke tests run, once with the entries loaded by require()
// and once by import, so that both builds are exercised by the same checks.
const assert = require('node:assert/strict');

exports.title = 'the oidc, cas and saml entries load and work without a server';

exports.run = async ({ oidc, cas, saml }) => {
  const rp = oidc.createOidcClient({ appId: 'app', appHost: 'https://example.authing.cn', tokenEndPointAuthMethod: 'none' });
  assert.equal(typeof oidc.buildAuthorizeUrl, 'function');
  await assert.rejects(oidc.getAccessTokenByCode(rp, '', { codeVerifier: '' }), (error) => error.code === 'validation_error');

  const casClient = cas.createCasClient({ serverUrl: cas.authingCasServerUrl('https://example.authing.cn', 'app') });
  assert.equal(
    cas.buildLoginUrl(casClient, { service: 'https://app.example.com/cb?a=1&b=2' }),
    'https://example.authing.cn/cas-idp/app/login?service=https%3A%2F%2Fapp.example.com%2Fcb%3Fa%3D1%26b%3D2',
  );

  assert.equal(saml.authingIdpMetadataUrl('https://example.authing.cn', 'app'), 'https://example.authing.cn/api/v2/saml-idp/app/metadata');
  await assert.rejects(saml.parseIdpMetadata('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'), (error) => error.code === 'saml_error');
};
