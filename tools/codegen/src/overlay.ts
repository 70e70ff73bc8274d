import { readFileSync } from 'node:fs';

/**
 * A hand-maintained endpoint that Authing's SDK calls but the 2023 spec lacks.
 * Its types are unknown, so the generator emits it loosely typed.
 */
export interface OverlayEntry {
  name: string;
  method: string;
  path: string;
  area: string;
  summary: string;
}

export function readOverlay(file: string): OverlayEntry[] {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of endpoints`);
  return entries.map((entry: unknown, index) => {
    const fields = entry as Record<string, unknown>;
    for (const key of ['name', 'method', 'path', 'area', 'summary']) {
      if (typeof fields[key] !== 'string') throw new Error(`${file}[${index}]: "${key}" must be a string`);
    }
    return fields as unknown as OverlayEntry;
  });
}
