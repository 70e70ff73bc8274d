import { randomBytes } from 'node:crypto';
import type { AppRecord, GroupRecord, RoleRecord, State, UserRecord } from './state.ts';

/** An id in Authing's style: 24 hex characters, like a Mongo ObjectId. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}

export type Identifier = 'user_id' | 'email' | 'phone' | 'username' | 'external_id';

/**
 * Reads over the state, and one queue for writes. Node runs one callback at a
 * time, but a handler that awaits (hashing a password) between "is this email
 * free?" and "insert" would race with another; so every check-then-write runs
 * inside `write`, one after the other, and nothing awaits inside it.
 */
export class Store {
  state: State;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly afterWrite: () => Promise<void>;

  constructor(state: State, afterWrite: () => Promise<void>) {
    this.state = state;
    this.afterWrite = afterWrite;
  }

  /**
   * Runs `change` alone, then waits until the state it produced is persisted,
   * so an acknowledged write survives a crash. A throw leaves nothing to save
   * only if `change` validates before mutating, which every handler does.
   */
  async write<T>(change: (state: State) => T): Promise<T> {
    const run = this.tail.then(() => change(this.state));
    this.tail = run.catch(() => undefined);
    const result = await run;
    await this.afterWrite();
    return result;
  }

  /** Waits for every queued write. */
  async idle(): Promise<void> {
    await this.tail;
  }

  findUser(type: Identifier, value: string): UserRecord | undefined {
    const users = this.state.users;
    switch (type) {
      case 'user_id':
        return users.find((user) => user.userId === value);
      case 'email':
        return users.find((user) => user.email !== undefined && user.email === value.toLowerCase());
      case 'phone':
        return users.find((user) => user.phone === value);
      case 'username':
        return users.find((user) => user.username === value);
      case 'external_id':
        return users.find((user) => user.externalId === value);
    }
  }

  /** The first identifier of `candidate` another user already has, if any. */
  conflict(candidate: { email?: string; phone?: string; username?: string; externalId?: string }, except?: string): UserRecord | undefined {
    const checks: Array<[Identifier, string | undefined]> = [
      ['email', candidate.email],
      ['phone', candidate.phone],
      ['username', candidate.username],
      ['external_id', candidate.externalId],
    ];
    for (const [type, value] of checks) {
      if (value === undefined || value === '') continue;
      const found = this.findUser(type, value);
      if (found && found.userId !== except) return found;
    }
    return undefined;
  }

  role(code: string, namespace: string): RoleRecord | undefined {
    return this.state.roles.find((role) => role.code === code && role.namespace === namespace);
  }

  group(code: string): GroupRecord | undefined {
    return this.state.groups.find((group) => group.code === code);
  }

  app(appId: string): AppRecord | undefined {
    return this.state.apps.find((app) => app.appId === appId);
  }
}
