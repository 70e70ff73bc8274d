import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuthenticationClient, type AuthenticationClientOptions } from '@authing/authentication';
import { ManagementClient } from '@authing/management';
import { Ajv, type ValidateFunction } from 'ajv';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const specDir = resolve(repoRoot, process.env.AUTHING_OPENAPI_DIR ?? '../shared/spec');

type Spec = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>; components: unknown };

/**
 * Checks every answer the tests receive against the official spec when it is
 * present: a success against the operation's 200 schema, a failure against the
 * envelope. Mismatches are collected and fail the test in `afterEach`.
 */
class SpecValidator {
  readonly enabled: boolean = existsSync(join(specDir, 'management-openapi.json'));
  readonly mismatches: string[] = [];
  checked = 0;
  private readonly ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  private readonly specs: Array<[string, Spec]> = [];
  private readonly cache = new Map<string, ValidateFunction | null>();
  private readonly envelope: ValidateFunction = this.ajv.compile({
    type: 'object',
    required: ['statusCode', 'message', 'requestId'],
    properties: { statusCode: { type: 'number' }, message: { type: 'string' }, apiCode: { type: 'number' }, requestId: { type: 'string' } },
  });

  constructor() {
    if (!this.enabled) return;
    for (const [id, file] of [['management', 'management-openapi.json'], ['authentication', 'authentication-openapi.json']] as const) {
      const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as Spec;
      this.ajv.addSchema({ $id: `${id}.json`, components: spec.components });
      this.specs.push([id, spec]);
    }
  }

  private schemaFor(method: string, path: string): ValidateFunction | null {
    const key = `${method} ${path}`;
    if (!this.cache.has(key)) {
      let compiled: ValidateFunction | null = null;
      for (const [id, spec] of this.specs) {
        const schema = spec.paths[path]?.[method.toLowerCase()]?.responses?.['200']?.content?.['application/json']?.schema;
        if (!schema) continue;
        // The spec's refs are document-relative; point them at the registered components.
        const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${id}.json#/components/`)) as object;
        compiled = this.ajv.compile(rebased);
        break;
      }
      this.cache.set(key, compiled);
    }
    return this.cache.get(key)!;
  }

  check(method: string, path: string, text: string): void {
    if (!this.enabled || !path.startsWith('/api/v3/')) return;
    let body: { statusCode?: unknown };
    try {
      body = JSON.parse(text) as { statusCode?: unknown };
    } catch {
      this.mismatches.push(`${method} ${path}: not JSON: ${text.slice(0, 80)}`);
      return;
    }
    const validate = body.statusCode === 200 ? this.schemaFor(method, path) : this.envelope;
    if (!validate) return;
    this.checked++;
    if (!validate(body)) this.mismatches.push(`${method} ${path}: ${this.ajv.errorsText(validate.errors)}`);
  }
}

export const spec: SpecValidator = new SpecValidator();

/** `fetch` that validates each answer, for the SDK clients and raw requests alike. */
export const checkedFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request.clone());
  spec.check(request.method, new URL(request.url).pathname, await response.clone().text());
  return response;
};

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

export function management(emulator: RunningEmulator, extra: { requestSigning?: boolean; accessKeyId?: string; accessKeySecret?: string } = {}): ManagementClient {
  return new ManagementClient({
    accessKeyId: extra.accessKeyId ?? 'emulator-pool',
    accessKeySecret: extra.accessKeySecret ?? 'emulator-secret',
    host: emulator.url,
    retries: 0,
    fetch: checkedFetch,
    ...(extra.requestSigning ? { requestSigning: true } : {}),
  });
}

export function authentication(emulator: RunningEmulator, extra: Partial<Omit<AuthenticationClientOptions, 'throwOnError'>> = {}): AuthenticationClient {
  return new AuthenticationClient({
    appId: 'emulator-app',
    appSecret: 'emulator-app-secret',
    appHost: emulator.url,
    retries: 0,
    fetch: checkedFetch,
    ...extra,
  });
}

/** A raw JSON request, validated like the SDK's. */
export async function raw(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: { body?: string | object; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = typeof options.body === 'string' || options.body === undefined ? options.body : JSON.stringify(options.body);
  const response = await checkedFetch(`${emulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A management token for raw requests. */
export async function managementToken(emulator: RunningEmulator): Promise<Record<string, string>> {
  const { body } = await raw(emulator, 'POST', '/api/v3/get-management-token', { body: { accessKeyId: 'emulator-pool', accessKeySecret: 'emulator-secret' } });
  const token = (body.data as { access_token: string }).access_token;
  return { authorization: `Bearer ${token}`, 'x-authing-userpool-id': 'emulator-pool' };
}
