import { isAuthingError, type Client, type HttpError, type ValidationError } from '@authing/core';
import { SampleError, Sampler, type OpenApiDocument } from './sample.ts';
import { specOperations, type Generated, type SpecEntry } from './specs.ts';

/** What one call's `fetch` saw: every request the SDK made, and the last answer. */
export interface Exchange {
  requests: Array<{ method: string; url: string }>;
  status?: number;
  body?: string;
}

/**
 * A `fetch` that sends through the global one (to Prism, over HTTP) and
 * records the exchange. `adjust` may change a request's headers first.
 */
export function recordingFetch(exchange: Exchange, adjust?: (request: Request) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    adjust?.(request);
    exchange.requests.push({ method: request.method, url: request.url });
    const response = await fetch(request);
    exchange.status = response.status;
    exchange.body = await response.clone().text();
    return response;
  };
}

export interface Failure {
  readonly name: string;
  readonly route: string;
  readonly status?: number;
  readonly reason: string;
}

export interface Coverage {
  /** Non-hidden spec operations. */
  readonly expected: SpecEntry[];
  /** Non-hidden spec operations without a generated function. */
  readonly missing: SpecEntry[];
  /** Generated functions for hidden spec operations. */
  readonly hiddenGenerated: Generated[];
  /** Generated functions whose route is not in the spec (overlay endpoints). */
  readonly overlay: Generated[];
  /** Routes with more than one generated function. */
  readonly duplicates: string[];
  /** Route key → generated function. */
  readonly byRoute: Map<string, Generated>;
}

export function coverage(doc: OpenApiDocument, generated: readonly Generated[]): Coverage {
  const entries = specOperations(doc);
  const specKeys = new Map(entries.map((entry) => [entry.key, entry]));
  const byRoute = new Map<string, Generated>();
  const duplicates: string[] = [];
  const overlay: Generated[] = [];
  const hiddenGenerated: Generated[] = [];
  for (const item of generated) {
    const key = `${item.spec.method.toUpperCase()} ${item.spec.path.replace(/\{[^}]*\}/g, '{}')}`;
    const entry = specKeys.get(key);
    if (!entry) {
      overlay.push(item);
      continue;
    }
    if (entry.hidden) hiddenGenerated.push(item);
    const previous = byRoute.get(key);
    if (previous) duplicates.push(`${key}: ${previous.where} and ${item.where}`);
    else byRoute.set(key, item);
  }
  const expected = entries.filter((entry) => !entry.hidden);
  const missing = expected.filter((entry) => !byRoute.has(entry.key));
  return { expected, missing, hiddenGenerated, overlay, duplicates, byRoute };
}

/** Prism's reason for refusing a request: its `validation` list, or its title and detail. */
export function prismReason(body: string | undefined): string {
  if (!body) return '(empty body)';
  try {
    const problem = JSON.parse(body) as { title?: string; detail?: string; validation?: Array<{ location?: string[]; message?: string }> };
    if (Array.isArray(problem.validation) && problem.validation.length > 0) {
      return problem.validation.map((v) => `${(v.location ?? []).join('.')}: ${v.message}`).join('; ');
    }
    if (problem.title) return [problem.title, problem.detail].filter(Boolean).join(': ');
  } catch {
    // not JSON
  }
  return body.slice(0, 200);
}

function isEnvelope(value: unknown): boolean {
  const envelope = value as { statusCode?: unknown; message?: unknown } | null;
  return typeof envelope === 'object' && envelope !== null && typeof envelope.statusCode === 'number' && typeof envelope.message === 'string';
}

/** Whether the spec's success response is a v3 envelope (has `statusCode`); undefined when it declares no JSON body. */
export function declaresEnvelope(sampler: Sampler, entry: SpecEntry): boolean | undefined {
  const responses = entry.operation.responses ?? {};
  const success = Object.keys(responses).sort().find((code) => /^2\d\d$/.test(code));
  const schema = success === undefined ? undefined : responses[success]?.content?.['application/json']?.schema;
  return schema === undefined ? undefined : sampler.flatten(schema).properties?.statusCode !== undefined;
}

/** Calls one operation with a spec-valid input; resolves to a failure, or undefined when Prism accepted it. */
export async function checkOperation(
  sampler: Sampler,
  entry: SpecEntry,
  generated: Generated | undefined,
  makeClient: (exchange: Exchange) => Client,
): Promise<Failure | undefined> {
  const route = `${entry.method} ${entry.path}`;
  if (!generated) return { name: entry.operation.operationId ?? '?', route, reason: 'no generated function for this spec operation' };
  const name = generated.where;
  let input: Record<string, unknown>;
  try {
    input = sampler.input(entry.operation);
  } catch (error) {
    if (error instanceof SampleError) return { name, route, reason: `cannot build a valid input: ${error.message}` };
    throw error;
  }
  const exchange: Exchange = { requests: [] };
  let result: unknown;
  try {
    result = await generated.op(makeClient(exchange), input as never);
  } catch (error) {
    const status = exchange.status;
    if (isAuthingError(error) && error.code === 'validation_error') {
      const field = (error as ValidationError).field;
      return { name, route, reason: `SDK ValidationError${field ? ` (${field})` : ''} on a spec-valid input: ${error.message}` };
    }
    if (isAuthingError(error) && error.code === 'invalid_response') {
      const body = (error as HttpError).body ?? '';
      const declared = declaresEnvelope(sampler, entry);
      const why = declared === false ? ' [the spec declares a non-envelope response]' : declared === undefined ? ' [the spec declares no 2xx JSON response]' : '';
      return { name, route, status, reason: `answer is not a v3 envelope${why}: ${body === '' ? '(empty body)' : body.slice(0, 120)}` };
    }
    if (isAuthingError(error) && error.code === 'http_error') {
      return { name, route, status, reason: `Prism refused the request: ${prismReason(exchange.body)}` };
    }
    return { name, route, status, reason: `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
  const status = exchange.status;
  // The SDK turns a 401 into an envelope instead of throwing, so check the HTTP status too.
  if (status === undefined || status < 200 || status > 299) {
    return { name, route, status, reason: `Prism answered HTTP ${status}: ${prismReason(exchange.body)}` };
  }
  if (!isEnvelope(result)) return { name, route, status, reason: `result is not a v3 envelope: ${JSON.stringify(result)?.slice(0, 160)}` };
  return undefined;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface ContractResult {
  readonly total: number;
  readonly passed: number;
  readonly failures: Failure[];
}

/** Calls every non-hidden spec operation once; a spec operation without a generated function is a failure. */
export async function runContract(
  doc: OpenApiDocument,
  cover: Coverage,
  makeClient: (exchange: Exchange) => Client,
  options: { concurrency?: number; optional?: boolean } = {},
): Promise<ContractResult> {
  const sampler = new Sampler(doc, { optional: options.optional ?? false });
  const concurrency = options.concurrency ?? 8;
  const failures: Failure[] = [];
  await pool(cover.expected, concurrency, async (entry) => {
    const failure = await checkOperation(sampler, entry, cover.byRoute.get(entry.key), makeClient);
    if (failure) failures.push(failure);
  });
  failures.sort((a, b) => a.route.localeCompare(b.route));
  return { total: cover.expected.length, passed: cover.expected.length - failures.length, failures };
}

export function formatFailures(label: string, failures: readonly Failure[]): string {
  return [
    `${failures.length} ${label} operation(s) failed:`,
    ...failures.map((f) => `  - ${f.name} (${f.route})${f.status === undefined ? '' : ` HTTP ${f.status}`}: ${f.reason}`),
  ].join('\n');
}
