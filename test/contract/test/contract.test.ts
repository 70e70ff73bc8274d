import { defineOperation, isAuthingError } from '@authing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementTokenSpec } from '../../../packages/core/src/generated/management-token.ts';
import { authenticationClient, managementClient } from '../src/clients.ts';
import { coverage, formatFailures, runContract, type ContractResult, type Coverage, type Exchange } from '../src/contract.ts';
import { startPrism, type PrismServer } from '@authing/prism';
import { Sampler } from '../src/sample.ts';
import { loadDocument, loadGenerated, routeKey, specFile, specOperations, type SpecId } from '../src/specs.ts';

const ids: readonly SpecId[] = ['management', 'authentication'];
const docs = { management: loadDocument('management'), authentication: loadDocument('authentication') };
const clientFor = { management: managementClient, authentication: authenticationClient };

const servers: Partial<Record<SpecId, PrismServer>> = {};
const covers: Partial<Record<SpecId, Coverage>> = {};
const results: Partial<Record<SpecId, ContractResult>> = {};

function server(id: SpecId): PrismServer {
  const found = servers[id];
  if (!found) throw new Error(`Prism for ${id} is not running`);
  return found;
}

beforeAll(async () => {
  const [started] = await Promise.all([
    Promise.allSettled(ids.map((id) => startPrism(specFile(id)))),
    ...ids.map(async (id) => (covers[id] = coverage(docs[id], await loadGenerated(id)))),
  ]);
  started.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') servers[ids[i] as SpecId] = outcome.value;
  });
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  console.log(ids.map((id) => `prism: ${id} spec ready in ${server(id).startupMs} ms`).join('\n'));
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
  if (ids.every((id) => results[id])) {
    const passed = ids.reduce((sum, id) => sum + (results[id]?.passed ?? 0), 0);
    const total = ids.reduce((sum, id) => sum + (results[id]?.total ?? 0), 0);
    console.log(`contract: ${passed}/${total} operations pass`);
  }
});

describe.each(ids)('%s', (id) => {
  it('has a generated function for every non-hidden spec operation, and none for hidden ones', () => {
    const cover = covers[id] as Coverage;
    const problems = [
      ...cover.missing.map((entry) => `missing: ${entry.method} ${entry.path} (${entry.operation.operationId})`),
      ...cover.hiddenGenerated.map((g) => `hidden in the spec but generated: ${g.where} (${g.spec.method} ${g.spec.path})`),
      ...cover.duplicates.map((d) => `generated twice: ${d}`),
    ];
    if (cover.overlay.length > 0) console.log(`${id}: ${cover.overlay.length} overlay operations are not in the spec and not counted`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('sends a spec-valid request for every non-hidden operation, which Prism accepts and answers with a v3 envelope', async () => {
    const url = server(id).url;
    const result = await runContract(docs[id], covers[id] as Coverage, (exchange) => clientFor[id](url, exchange), { concurrency: 8 });
    results[id] = result;
    console.log(`contract: ${result.passed}/${result.total} ${id} operations pass`);
    if (result.failures.length > 0) {
      expect.fail(`${formatFailures(id, result.failures)}\n--- last lines of Prism's log:\n${server(id).tail(12)}`);
    }
  });

  it('also when every optional field is filled', async () => {
    const url = server(id).url;
    const result = await runContract(docs[id], covers[id] as Coverage, (exchange) => clientFor[id](url, exchange), {
      concurrency: 8,
      optional: true,
    });
    console.log(`contract (optional fields filled): ${result.passed}/${result.total} ${id} operations pass`);
    if (result.failures.length > 0) {
      expect.fail(`${formatFailures(id, result.failures)}\n--- last lines of Prism's log:\n${server(id).tail(12)}`);
    }
  });
});

describe('getManagementToken', () => {
  it('is hidden in the spec and lives only in @authing/core', () => {
    const key = routeKey(managementTokenSpec.method, managementTokenSpec.path);
    const entry = specOperations(docs.management).find((e) => e.key === key);
    expect(entry?.hidden).toBe(true);
    expect((covers.management as Coverage).hiddenGenerated.map((g) => g.where)).toEqual([]);
    expect((covers.management as Coverage).overlay.filter((g) => routeKey(g.spec.method, g.spec.path) === key)).toEqual([]);
  });
});

describe.each(ids)('%s input validation', (id) => {
  // A handful of operations with required fields: the first few in route order, and every one with path parameters.
  const cover = () => covers[id] as Coverage;
  const picks = () => {
    const candidates = [...cover().byRoute.values()]
      .filter((g) => (g.spec.required?.length ?? 0) > 0 || (g.spec.pathParams?.length ?? 0) > 0)
      .sort((a, b) => a.where.localeCompare(b.where));
    return [...candidates.slice(0, 4), ...candidates.filter((g) => (g.spec.pathParams?.length ?? 0) > 0)].filter(
      (g, i, all) => all.indexOf(g) === i,
    );
  };

  it('rejects input missing a required field with ValidationError before anything is sent', async () => {
    const chosen = picks();
    if (cover().byRoute.size > 0) expect(chosen.length).toBeGreaterThan(0);
    const sampler = new Sampler(docs[id]);
    const url = server(id).url;
    const entries = new Map(specOperations(docs[id]).map((e) => [e.key, e]));
    for (const generated of chosen) {
      const entry = entries.get(routeKey(generated.spec.method, generated.spec.path));
      const valid = sampler.input(entry!.operation);
      const field = (generated.spec.pathParams?.[0] ?? generated.spec.required?.[0]) as string;

      // Control: the same recorder sees the valid call.
      const sent: Exchange = { requests: [] };
      await generated.op(clientFor[id](url, sent), valid as never).catch(() => undefined);
      expect(sent.requests.length, `${generated.where} with valid input`).toBeGreaterThan(0);

      const { [field]: _dropped, ...invalid } = valid;
      const exchange: Exchange = { requests: [] };
      const error = await generated.op(clientFor[id](url, exchange), invalid as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAuthingError(error) && error.code, `${generated.where} without ${field}`).toBe('validation_error');
      expect((error as { field?: string }).field).toBe(field);
      expect(exchange.requests, `${generated.where} sent a request without ${field}`).toEqual([]);
    }
  });

  it('is backed by a Prism that does validate: the same bad input, unchecked by the SDK, gets HTTP 422', async () => {
    // Guards against a vacuous pass: an operation whose required query or body field is dropped,
    // sent through a copy of its spec without `required`, must be refused by Prism.
    const generated = picks().find((g) => (g.spec.required ?? []).some((f) => !(g.spec.pathParams ?? []).includes(f)));
    if (!generated) return;
    const entries = new Map(specOperations(docs[id]).map((e) => [e.key, e]));
    const entry = entries.get(routeKey(generated.spec.method, generated.spec.path));
    const field = (generated.spec.required ?? []).find((f) => !(generated.spec.pathParams ?? []).includes(f)) as string;
    const { [field]: _dropped, ...invalid } = new Sampler(docs[id]).input(entry!.operation);
    const unchecked = defineOperation<Record<string, unknown>, unknown>({ ...generated.spec, required: [] });
    const exchange: Exchange = { requests: [] };
    const error = await unchecked(clientFor[id](server(id).url, exchange), invalid).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAuthingError(error) && error.code, `${generated.where} without ${field}`).toBe('http_error');
    expect(exchange.status).toBe(422);
    expect(exchange.body?.toLowerCase()).toContain(field.toLowerCase());
  });
});
