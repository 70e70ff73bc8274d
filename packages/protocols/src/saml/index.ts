// SAML 2.0 service provider (Node only). Signatures, wrapping defences and
// decryption come from @node-saml/node-saml; this module adds the checks
// node-saml leaves to the caller (Destination, Recipient, Issuer, one-time
// InResponseTo, logout signatures) and typed errors.
export { SamlError, type SamlErrorReason } from './errors.ts';
export {
  authingIdpMetadataUrl,
  fetchIdpMetadata,
  generateSpMetadata,
  parseIdpMetadata,
  type FetchIdpMetadataOptions,
  type IdpMetadata,
  type ParseIdpMetadataOptions,
} from './metadata.ts';
export { createMemoryRequestIdStore, type MemoryRequestIdStoreOptions, type RequestIdStore } from './store.ts';
export { createSamlServiceProvider, type IdpConfig, type SamlServiceProvider, type SamlServiceProviderOptions } from './sp.ts';
export {
  buildAuthnRequest,
  validateResponse,
  type BuildAuthnRequestOptions,
  type SamlAssertion,
  type SamlBinding,
  type SamlPostBody,
  type SamlPostForm,
  type SamlRedirect,
} from './authn.ts';
export {
  buildLogoutRequest,
  buildLogoutResponse,
  validateLogoutRequest,
  validateLogoutResponse,
  type BuildLogoutRequestOptions,
  type BuildLogoutResponseOptions,
  type SamlHttpMessage,
  type SamlLogoutRequest,
  type SamlLogoutResponse,
} from './logout.ts';
