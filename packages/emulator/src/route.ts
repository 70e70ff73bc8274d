import type { RequestContext } from './context.ts';

/** Who may call a route: anyone, a management client, an app, or a signed-in user of an app. */
export type Guard = 'none' | 'management' | 'app' | 'user';

/** An emulated endpoint: its SDK operation name, where it lives, and what it answers. */
export interface Route {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly guard: Guard;
  /** Resolves to the envelope's `data` (omitted when undefined), or for `oauth` routes to the raw answer. */
  readonly handle: (context: RequestContext) => unknown;
  /**
   * `oauth` routes speak RFC 6749/7009 (form bodies, `{ error }` JSON, real
   * HTTP statuses) instead of the v3 envelope; their handler returns an `OAuthAnswer`.
   * `bare` routes answer their data at the top level of the body, as the spec
   * documents it (`GET /api/v3/system`: no envelope), and in an envelope around it
   * as well, as Authing's servers answer and its own clients read it (`body.data.rsa`).
   * Their failures are plain envelopes.
   */
  readonly style?: 'envelope' | 'oauth' | 'bare';
}

export interface OAuthAnswer {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}
