import type { TableRow } from './endpoint-table.ts';

/** How one package resolves what the endpoint tables leave open. */
export interface NamingRules {
  /** `METHOD /path` → the one name to emit when Authing's SDK has several for that endpoint. */
  readonly chosen: Readonly<Record<string, string>>;
  /** operationId controller prefix → area, for spec operations the tables do not list. */
  readonly unlistedAreas: Readonly<Record<string, string>>;
  /** `METHOD /path` → name, for unlisted operations whose operationId name Authing's SDK already uses elsewhere. */
  readonly renamed: Readonly<Record<string, string>>;
}

export interface EndpointName {
  name: string;
  area: string;
  /** Other names Authing's SDK uses for the same endpoint, dropped by a `chosen` rule. */
  otherNames: string[];
  /** Table rows that wrap the endpoint (`n/a`), such as `signInByEmailPassword` around `/api/v3/signin`. */
  wrappers: string[];
  /** True when the tables do not list the endpoint and the name comes from the operationId. */
  fromOperationId: boolean;
  /** The operationId name a `renamed` rule replaced. */
  renamedFrom?: string;
}

export function endpointKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function groupRowsByEndpoint(rows: readonly TableRow[]): Map<string, TableRow[]> {
  const byKey = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = endpointKey(row.method, row.path);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}

/** `TerminalManagementController_deleteDevice` → `deleteDevice`. */
export function operationIdName(operationId: string): string {
  const name = operationId.split('_')[1];
  if (!name) throw new Error(`operationId ${operationId} has no method part after "_"`);
  return name;
}

/** Picks the SDK name and area of one spec operation, throwing when the tables and rules do not decide it. */
export function nameSpecOperation(
  key: string,
  operationId: string,
  rows: readonly TableRow[],
  rules: NamingRules,
): EndpointName {
  const endpoints = rows.filter((row) => row.inSpec !== 'n/a');
  const wrappers = rows.filter((row) => row.inSpec === 'n/a').map((row) => row.name);
  if (endpoints.length === 0) {
    const controller = operationId.split('_')[0] ?? '';
    const area = rules.unlistedAreas[controller];
    if (!area) throw new Error(`${key} (${operationId}) is not in the endpoint table and has no area rule for ${controller}`);
    const name = operationIdName(operationId);
    const renamed = rules.renamed[key];
    return renamed
      ? { name: renamed, area, otherNames: [], wrappers, fromOperationId: false, renamedFrom: name }
      : { name, area, otherNames: [], wrappers, fromOperationId: true };
  }
  if (endpoints.length === 1) {
    const [only] = endpoints as [TableRow];
    return { name: only.name, area: only.area, otherNames: [], wrappers, fromOperationId: false };
  }
  const names = endpoints.map((row) => row.name);
  const chosen = endpoints.find((row) => row.name === rules.chosen[key]);
  if (!chosen) throw new Error(`${key} has several SDK names (${names.join(', ')}); add a naming rule that picks one`);
  return {
    name: chosen.name,
    area: chosen.area,
    otherNames: names.filter((name) => name !== chosen.name),
    wrappers,
    fromOperationId: false,
  };
}

// Names that cannot be `export const` bindings, plus the facade's own members.
const unusable: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval client constructor'
  ).split(' '),
);

/**
 * Throws when two endpoints of one package share a name or a name cannot be a
 * binding, so that a spec or overlay change cannot silently replace a method.
 */
export function assertUsableNames(entries: ReadonlyArray<{ name: string; origin: string }>): void {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const { name, origin } of entries) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || unusable.has(name)) problems.push(`${name} (${origin}) is not a usable method name`);
    const previous = seen.get(name);
    if (previous !== undefined) problems.push(`${name} names both ${previous} and ${origin}`);
    else seen.set(name, origin);
  }
  if (problems.length > 0) throw new Error(`Endpoint name collisions:\n  ${problems.join('\n  ')}`);
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `organizations-departments` → `organizationsDepartments`, for import bindings. */
export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
