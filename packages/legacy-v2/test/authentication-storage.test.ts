import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorAuthentication, emulatorManagement, newUser, useEmulator } from './servers.ts';

const emulator = useEmulator();

/** A tiny Web Storage over a Map, standing in for a browser's `localStorage`. */
class MapStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the signed-in user in a browser (localStorage)', () => {
  it("keeps the token and user under v2's keys, shared by the page's clients, and logout clears them", async () => {
    const storage = new MapStorage();
    vi.stubGlobal('localStorage', storage);
    const { username, password } = await newUser(emulatorManagement(emulator()));
    const auth = emulatorAuthentication(emulator());
    const user = await auth.loginByUsername(username, password);

    expect(storage.getItem('_authing_token')).toBe(user.token);
    expect(JSON.parse(storage.getItem('_authing_user')!)).toEqual(user);
    expect([storage.key(0), storage.key(1)].sort()).toEqual(['_authing_token', '_authing_user']);

    // A client built later on the page (a reload) starts signed in, as in v2.
    const reloaded = emulatorAuthentication(emulator());
    expect(reloaded.checkLoggedIn()).toBe(user.id);
    expect((await reloaded.getCurrentUser())?.id).toBe(user.id);
    expect((await reloaded.updateProfile({ nickname: 'from storage' })).nickname).toBe('from storage');
    expect(JSON.parse(storage.getItem('_authing_user')!)).toMatchObject({ nickname: 'from storage', token: user.token });

    // Another user's token: the kept user is not theirs, and goes.
    const other = emulatorAuthentication(emulator());
    other.setToken('someone-elses-token');
    expect(storage.getItem('_authing_user')).toBeNull();
    other.setToken(user.token!);
    expect(await reloaded.getCurrentUser()).toMatchObject({ id: user.id });
    expect(JSON.parse(storage.getItem('_authing_user')!)).toMatchObject({ id: user.id, token: user.token });

    await reloaded.logout();
    expect(storage.length).toBe(0);
    expect(await auth.getCurrentUser()).toBeNull();
  });

  it('the token option and setToken write the token to storage', async () => {
    const storage = new MapStorage();
    vi.stubGlobal('localStorage', storage);
    emulatorAuthentication(emulator(), { token: 'initial-token' });
    expect(storage.getItem('_authing_token')).toBe('initial-token');
    emulatorAuthentication(emulator()).setToken('replaced-token');
    expect(storage.getItem('_authing_token')).toBe('replaced-token');
  });

  it('a storage that throws on access (sandboxed iframe) falls back to memory', async () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const { username, password } = await newUser(emulatorManagement(emulator()));
      const auth = emulatorAuthentication(emulator());
      const user = await auth.loginByUsername(username, password);
      expect((await auth.getCurrentUser())?.id).toBe(user.id);
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});

describe('the signed-in user elsewhere (memory)', () => {
  it('is kept per client', async () => {
    expect(typeof globalThis.localStorage).toBe('undefined');
    const { username, password } = await newUser(emulatorManagement(emulator()));
    const auth = emulatorAuthentication(emulator());
    const user = await auth.loginByUsername(username, password);
    expect((await auth.getCurrentUser())?.id).toBe(user.id);
    expect(await emulatorAuthentication(emulator()).getCurrentUser()).toBeNull();
  });
});
