import { readFileSync } from 'node:fs';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const httpMethods: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

export function isHttpMethod(value: string): value is HttpMethod {
  return httpMethods.has(value);
}

/** One row of a names table: an SDK method name Authing uses for an endpoint. */
export interface TableRow {
  name: string;
  method: string;
  path: string;
  area: string;
  /** `yes`, `no` (newer than the spec) or `n/a` (a wrapper or protocol helper, not an endpoint of its own). */
  inSpec: string;
}

/** Parses a names table (`names/*.tsv`) by its header. */
export function parseEndpointTable(text: string): TableRow[] {
  const [header, ...lines] = text.replace(/\r\n/g, '\n').trimEnd().split('\n');
  const columns = (header ?? '').split('\t');
  const index = (...names: string[]): number => {
    const found = columns.findIndex((column) => names.includes(column));
    if (found < 0) throw new Error(`Endpoint table lacks a ${names.join(' or ')} column`);
    return found;
  };
  const at = {
    name: index('method_name'),
    method: index('http_method'),
    path: index('path'),
    area: index('area'),
    inSpec: index('in_2023_spec'),
  };
  return lines.map((line) => {
    const cells = line.split('\t');
    const cell = (i: number): string => (cells[i] ?? '').trim();
    return {
      name: cell(at.name),
      method: cell(at.method),
      path: cell(at.path),
      area: cell(at.area),
      inSpec: cell(at.inSpec),
    };
  });
}

export function readEndpointTable(file: string): TableRow[] {
  return parseEndpointTable(readFileSync(file, 'utf8'));
}
