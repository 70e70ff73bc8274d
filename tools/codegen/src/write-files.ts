import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A directory whose files of one extension are all generated, so stale ones can be found. */
export interface OwnedDirectory {
  dir: string;
  extension: string;
}

/**
 * Lists the files whose content differs from `outputs`, including generated
 * files that are no longer produced; unless `check`, also writes and deletes
 * them. Unchanged files are not touched, so their timestamps stay put.
 */
export function syncFiles(outputs: ReadonlyMap<string, string>, owned: readonly OwnedDirectory[], check: boolean): string[] {
  const changed = [...outputs].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file);
  const stale = owned.flatMap(({ dir, extension }) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith(extension))
          .map((name) => join(dir, name))
          .filter((file) => !outputs.has(file))
      : [],
  );
  if (!check) {
    for (const file of changed) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, outputs.get(file) as string);
    }
    for (const file of stale) rmSync(file);
  }
  return [...changed, ...stale].sort();
}
