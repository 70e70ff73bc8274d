import { describe, expect, it } from 'vitest';
import type { PoliciesManagementClient } from '../src/index.ts';
import { expectUnsupported } from './assertions.ts';
import { prismManagement } from './servers.ts';

const calls: [string, (policies: PoliciesManagementClient) => Promise<unknown>][] = [
  ['create', (policies) => policies.create({ code: 'p1', statements: [{ resource: 'books:*', actions: ['books:read'], effect: 'ALLOW' }] })],
  ['delete', (policies) => policies.delete('p1')],
  ['deleteMany', (policies) => policies.deleteMany(['p1', 'p2'], 'default')],
  ['update', (policies) => policies.update('p1', { description: 'd' })],
  ['detail', (policies) => policies.detail('p1')],
  ['list', (policies) => policies.list({ page: 1, limit: 10 })],
  ['listAssignments', (policies) => policies.listAssignments({ code: 'p1' })],
  ['addAssignments', (policies) => policies.addAssignments(['p1'], 'USER', ['u1'])],
  ['removeAssignments', (policies) => policies.removeAssignments(['p1'], 'ROLE', ['admin'])],
  ['enableAssignment', (policies) => policies.enableAssignment('p1', 'USER', 'u1')],
  ['disableAssignment', (policies) => policies.disableAssignment('p1', 'USER', 'u1')],
];

describe('policies (Prism)', () => {
  it.each(calls)('%s has no v3 equivalent: 501 naming the method and authorizeResources', async (method, call) => {
    const seen: unknown[] = [];
    const error = await expectUnsupported(call(prismManagement({ onError: (code) => seen.push(code) }).policies), `policies.${method}`);
    expect(error.message).toContain('authorizeResources');
    expect(seen).toEqual([501]);
  });

  it('covers every public method of the client', () => {
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(prismManagement().policies)).filter((name) => name !== 'constructor');
    expect(names.sort()).toEqual(calls.map(([method]) => method).sort());
  });
});
