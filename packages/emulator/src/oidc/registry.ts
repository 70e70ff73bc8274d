import type { Services } from '../context.ts';
import type { Claims } from '../tokens.ts';

/** What the v3 endpoints need from an emulator's OIDC provider. */
export interface OidcTokens {
  /** The claims of a live access token the provider issued to a user, or undefined. */
  accessTokenClaims(token: string): Promise<Claims | undefined>;
}

// Keyed by the emulator's services, so that context.ts need not know about the provider.
const providers = new WeakMap<Services, OidcTokens>();

export function registerOidc(services: Services, tokens: OidcTokens): void {
  providers.set(services, tokens);
}

export function oidcOf(services: Services): OidcTokens | undefined {
  return providers.get(services);
}
