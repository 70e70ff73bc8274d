import type { NamingRules } from './naming.ts';

/** What differs between the two generated packages. */
export interface PackageConfig extends NamingRules {
  id: 'management' | 'authentication';
  specFile: string;
  /** The generated facade class that the hand-written client extends. */
  facade: string;
  title: string;
  /** The hidden operation emitted as a constant in core instead of into the package. */
  tokenOperation?: string;
}

export const packages: readonly PackageConfig[] = [
  {
    id: 'management',
    specFile: 'management-openapi.json',
    facade: 'ManagementApi',
    title: 'Management API',
    // Authing's SDK exposes this endpoint twice, as `verifyEvent` and `pub`; one function is enough.
    chosen: { 'POST /api/v3/pub-event': 'pub' },
    // The pool-wide device commands are in the spec but not in Authing's SDK.
    unlistedAreas: { TerminalManagementController: 'devices' },
    // Their operationId names (`deleteDevice`, …) are what Authing's SDK calls the
    // `/api/v3/*-device-by-user` variants, which keep those names; these take the
    // spec's own noun for them, as in their request DTOs (`DeleteTerminalDto`, …).
    renamed: {
      'POST /api/v3/delete-device': 'deleteTerminal',
      'POST /api/v3/disable-device': 'disableTerminal',
      'POST /api/v3/enable-device': 'enableTerminal',
      'POST /api/v3/suspend-device': 'suspendTerminal',
    },
    tokenOperation: 'POST /api/v3/get-management-token',
  },
  {
    id: 'authentication',
    specFile: 'authentication-openapi.json',
    facade: 'AuthenticationApi',
    title: 'Authentication API',
    chosen: {},
    unlistedAreas: {},
    renamed: {},
  },
];
