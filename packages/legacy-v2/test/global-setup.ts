import { join, resolve } from 'node:path';
import { startPrism, type PrismServer } from '@authing/prism';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    prismManagement: string;
    prismAuthentication: string;
  }
}

const specDir = resolve(import.meta.dirname, '../../..', process.env.AUTHING_OPENAPI_DIR ?? '../shared/spec');

/**
 * Prism, serving the official documents, for the shim methods whose v3 endpoint the emulator does
 * not emulate: started once for every test file (it takes seconds), stopped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([
    startPrism(join(specDir, 'management-openapi.json')),
    startPrism(join(specDir, 'authentication-openapi.json')),
  ]);
  const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.stop()));
    throw failed.reason;
  }
  const [management, authentication] = servers as [PrismServer, PrismServer];
  project.provide('prismManagement', management.url);
  project.provide('prismAuthentication', authentication.url);
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
