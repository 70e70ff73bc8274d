import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuthenticationClient as V3AuthenticationClient } from '@authing/authentication';
import { ManagementClient as V3ManagementClient } from '@authing/management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthingV2Error, type DeprecationWarning } from '../src/index.ts';
import { prismAuthentication, prismManagement, warningsCollector } from './servers.ts';

/**
 * Every public method of every v2 client, called once with no arguments (against Prism, so that
 * nothing real is touched): each must either warn, naming a v3 replacement that exists, or throw
 * the 501 "no v3 equivalent" error. And each must have its row in the migration guide.
 */
const guide = readFileSync(resolve(import.meta.dirname, '../../../docs/migrating-from-v2.md'), 'utf8');

type Outcome = { method: string; warning?: DeprecationWarning; error?: unknown };

function methodsOf(object: object): string[] {
  return Object.getOwnPropertyNames(Object.getPrototypeOf(object)).filter((name) => name !== 'constructor' && typeof (object as Record<string, unknown>)[name] === 'function');
}

async function callAll(target: object, prefix: string, warnings: DeprecationWarning[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const name of methodsOf(target)) {
    const method = `${prefix}${name}`;
    let error: unknown;
    try {
      await (target as Record<string, () => unknown>)[name]!();
    } catch (caught) {
      error = caught;
    }
    outcomes.push({ method, warning: warnings.find((warning) => warning.method === method), error });
  }
  return outcomes;
}

const management: Outcome[] = [];
const authentication: Outcome[] = [];

beforeAll(async () => {
  const collector = warningsCollector();
  const client = prismManagement({ deprecationWarnings: collector.deprecationWarnings });
  for (const [name, sub] of Object.entries(client)) management.push(...(await callAll(sub as object, `${name}.`, collector.warnings)));
  const authCollector = warningsCollector();
  authentication.push(...(await callAll(prismAuthentication({ deprecationWarnings: authCollector.deprecationWarnings }), '', authCollector.warnings)));
}, 120_000);

afterAll(() => {
  const count = (outcomes: Outcome[]) => `${outcomes.length} methods, ${outcomes.filter((o) => o.warning).length} mapped, ${outcomes.filter((o) => !o.warning).length} without a v3 equivalent`;
  console.log(`legacy-v2 mapping: ManagementClient ${count(management)}; AuthenticationClient ${count(authentication)}`);
});

describe.each([
  ['ManagementClient', () => management, V3ManagementClient.prototype],
  ['AuthenticationClient', () => authentication, V3AuthenticationClient.prototype],
] as const)('%s', (v3Class, outcomes, v3Prototype) => {
  it('has methods to check', () => {
    expect(outcomes().length).toBeGreaterThan(20);
  });

  it('every method warns with an existing v3 replacement, or throws 501 "no v3 equivalent"', () => {
    const problems = outcomes().flatMap(({ method, warning, error }) => {
      if (warning) {
        const named = new RegExp(`^${v3Class}\\.(\\w+)\\(\\) from `).exec(warning.replacement)?.[1];
        if (named !== undefined && typeof (v3Prototype as unknown as Record<string, unknown>)[named] !== 'function') return [`${method}: ${named} is not a v3 ${v3Class} method`];
        if (error instanceof AuthingV2Error && error.code === 501) return [`${method}: warns and also says it has no v3 equivalent`];
        return [];
      }
      if (error instanceof AuthingV2Error && error.code === 501 && error.message.includes(method)) return [];
      return [`${method}: neither a deprecation warning nor a 501 (${String(error)})`];
    });
    expect(problems).toEqual([]);
  });

  it('every method has its row in docs/migrating-from-v2.md, naming the same replacement', () => {
    const problems = outcomes().flatMap(({ method, warning }) => {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${method}\``));
      if (!row) return [`${method}: no row`];
      const named = warning && new RegExp(`^${v3Class}\\.(\\w+)\\(\\) from `).exec(warning.replacement)?.[1];
      if (named && !row.includes(`\`${named}\``)) return [`${method}: the row does not name ${named}`];
      if (!warning && !/no v3 equivalent/i.test(row)) return [`${method}: the row does not say "no v3 equivalent"`];
      return [];
    });
    expect(problems).toEqual([]);
  });
});
