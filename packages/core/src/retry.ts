import { isHTTPError, type RetryOptions } from 'ky';

// 501 Not Implemented and 505 HTTP Version Not Supported will not change on retry.
// Built on first use and kept: a top-level loop would be a side effect every bundle
// must keep, and rebuilding it would add work to every call.
let statuses: number[] | undefined;
function retryStatuses(): number[] {
  if (!statuses) {
    statuses = [429];
    for (let status = 500; status < 600; status++) if (status !== 501 && status !== 505) statuses.push(status);
  }
  return statuses;
}

/** The longest `Retry-After` the SDK waits for; a longer ask surfaces as an `HttpError` with `retryAfter`. */
export const retryAfterCap = 20_000;

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** ky retry settings: full jitter, `Retry-After` honoured up to the cap, safe operations only. */
export function retryPolicy(limit: number, safe: boolean): RetryOptions {
  if (!safe || limit === 0) return { limit: 0 };
  return {
    limit,
    methods: ['get', 'post', 'put', 'delete', 'patch'],
    statusCodes: retryStatuses(),
    afterStatusCodes: [429, 503],
    maxRetryAfter: retryAfterCap,
    delay: (attempt) => 300 * 2 ** (attempt - 1),
    backoffLimit: 5_000,
    jitter: true,
    shouldRetry: ({ error }) => {
      if (!isHTTPError(error)) return undefined;
      const after = parseRetryAfter(error.response.headers.get('retry-after'));
      return after !== undefined && after * 1000 > retryAfterCap ? false : undefined;
    },
  };
}
