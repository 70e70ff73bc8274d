import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEndpointTable } from './endpoint-table.ts';
import { buildEndpoints } from './endpoints.ts';
import { endpointDocs } from './emit-docs.ts';
import { packageManifest } from './emit-exports.ts';
import { facadeModule, operationsBarrel } from './emit-facade.ts';
import { modelsModule } from './emit-models.ts';
import { resourceModule } from './emit-operations.ts';
import { tokenModule } from './emit-token.ts';
import { assertUsableNames } from './naming.ts';
import { readOverlay } from './overlay.ts';
import { packages } from './packages.ts';
import { loadSpec } from './spec.ts';
import { compare } from './text.ts';
import type { OwnedDirectory } from './write-files.ts';

export interface Sources {
  root: string;
  specDir: string;
}

export interface PackageSummary {
  id: string;
  specOperations: number;
  overlayOperations: number;
  hiddenSkipped: number;
  areas: string[];
}

export interface Generated {
  /** Absolute path → content. */
  files: Map<string, string>;
  owned: OwnedDirectory[];
  summaries: PackageSummary[];
}

const overlayDir = resolve(import.meta.dirname, '../overlay');
const namesDir = resolve(import.meta.dirname, '../names');

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Produces every generated file in memory; reads but never writes. */
export function generate({ root, specDir }: Sources): Generated {
  const files = new Map<string, string>();
  const owned: OwnedDirectory[] = [{ dir: join(root, 'docs/endpoints'), extension: '.md' }];
  const summaries: PackageSummary[] = [];
  for (const config of packages) {
    const built = buildEndpoints(
      loadSpec(join(specDir, config.specFile)),
      readEndpointTable(join(namesDir, `${config.id}.tsv`)),
      readOverlay(join(overlayDir, `${config.id}.json`)),
      config,
    );
    const { endpoints } = built;
    assertUsableNames(endpoints.map((endpoint) => ({ name: endpoint.name, origin: `${endpoint.overlay ? 'overlay' : 'spec'} ${endpoint.method} ${endpoint.path}` })));
    const areas = [...new Set(endpoints.map((endpoint) => endpoint.area))].sort(compare);
    const packageDir = join(root, 'packages', config.id);
    const resourcesDir = join(packageDir, 'src/resources');
    const generatedDir = join(packageDir, 'src/generated');
    owned.push({ dir: resourcesDir, extension: '.ts' }, { dir: generatedDir, extension: '.ts' });
    for (const area of areas) {
      files.set(join(resourcesDir, `${area}.ts`), resourceModule(area, endpoints.filter((endpoint) => endpoint.area === area)));
    }
    files.set(join(generatedDir, 'models.ts'), modelsModule(built));
    files.set(join(generatedDir, 'api.ts'), facadeModule(config, endpoints));
    files.set(join(generatedDir, 'operations.ts'), operationsBarrel(areas));
    files.set(join(root, 'docs/endpoints', `${config.id}.md`), endpointDocs(config, built));
    const manifest = join(packageDir, 'package.json');
    files.set(manifest, packageManifest(config, readIfExists(manifest), areas));
    if (built.token) files.set(join(root, 'packages/core/src/generated/management-token.ts'), tokenModule(built.token, built.lookup));
    const overlayOperations = endpoints.filter((endpoint) => endpoint.overlay).length;
    summaries.push({
      id: config.id,
      specOperations: endpoints.length - overlayOperations,
      overlayOperations,
      hiddenSkipped: built.hiddenSkipped,
      areas,
    });
  }
  return { files, owned, summaries };
}
