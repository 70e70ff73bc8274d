import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { State } from './state.ts';

/** The state file inside `dataDir`. */
export const stateFileName = 'emulator-state.json';

/** Reads the saved state, or undefined when the directory holds none yet. */
export function loadState(dataDir: string): State | undefined {
  mkdirSync(dataDir, { recursive: true });
  // Temp files are left only by a crash mid-write; the rename never happened,
  // so the state file still holds the previous snapshot and they are garbage.
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(`${stateFileName}.`) && name.endsWith('.tmp')) rmSync(join(dataDir, name), { force: true });
  }
  let text: string;
  try {
    text = readFileSync(join(dataDir, stateFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(text) as State;
  if (state.format !== 1) throw new Error(`${join(dataDir, stateFileName)}: unknown state format ${String(state.format)}`);
  return state;
}

let counter = 0;

/**
 * Replaces the state file atomically: write a temp file in the same directory,
 * fsync it, rename it over the old one (atomic on POSIX within a filesystem),
 * then fsync the directory so the rename itself survives a power cut. A crash
 * at any point leaves either the old file or the new one, never half of one.
 */
export async function writeAtomically(dataDir: string, text: string): Promise<void> {
  const target = join(dataDir, stateFileName);
  const temp = `${target}.${process.pid}.${++counter}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  try {
    const dir = await open(dataDir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  }
}

/**
 * Saves snapshots of a changing state. Each `save()` resolves once a snapshot
 * taken after the call began is on disk; calls that arrive while a write is in
 * flight share the next one, so a burst of changes costs two writes, not one each.
 */
export class Persister {
  private version = 0;
  private written = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataDir: string | undefined,
    private readonly snapshot: () => string,
  ) {}

  async save(): Promise<void> {
    if (!this.dataDir) return;
    const wanted = ++this.version;
    while (this.written < wanted) {
      this.running ??= this.writeOnce().finally(() => {
        this.running = undefined;
      });
      await this.running;
    }
  }

  private async writeOnce(): Promise<void> {
    const version = this.version;
    // Serialised synchronously, so the snapshot is one consistent state.
    await writeAtomically(this.dataDir!, this.snapshot());
    this.written = version;
  }

  /** Waits for any write in flight, then writes the current state once more. */
  async flush(): Promise<void> {
    if (!this.dataDir) return;
    await this.running;
    await this.save();
  }
}
