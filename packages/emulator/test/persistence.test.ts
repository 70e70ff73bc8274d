import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.ts';
import { authentication, management, managementToken, start } from './helpers.ts';

const running: RunningEmulator[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'authing-emulator-'));
  dirs.push(dir);
  return dir;
}

async function open(options: Parameters<typeof start>[0]): Promise<RunningEmulator> {
  const emulator = await start(options);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps users, roles, groups and passwords across a restart on the same data directory', async () => {
    const dataDir = tempDir();
    const first = await open({ dataDir });
    const mgmt = management(first);
    const user = await mgmt.createUser({ email: 'keep@example.com', password: 'kept-pw', customData: { a: 1 } });
    if (user.statusCode !== 200) throw new Error(user.message);
    await mgmt.createRole({ code: 'keeper' });
    await mgmt.assignRole({ code: 'keeper', targets: [{ targetType: 'USER', targetIdentifier: user.data.userId }] });
    await mgmt.createGroup({ code: 'g', name: 'G', description: '', type: 'static' });
    await mgmt.addGroupMembers({ code: 'g', userIds: [user.data.userId] });
    const login = await authentication(first).signInByEmailPassword({ email: 'keep@example.com', password: 'kept-pw' });
    if (login.statusCode !== 200) throw new Error(login.message);
    await first.stop();

    const second = await open({ dataDir });
    const again = management(second);
    expect(await again.getUser({ userId: user.data.userId, withCustomData: true })).toMatchObject({ data: { email: 'keep@example.com', customData: { a: 1 }, loginsCount: 1 } });
    expect(await again.getUserRoles({ userId: user.data.userId })).toMatchObject({ data: { list: [{ code: 'keeper' }] } });
    expect(await again.listGroupMembers({ code: 'g' })).toMatchObject({ data: { totalCount: 1 } });
    expect(await authentication(second).signInByEmailPassword({ email: 'keep@example.com', password: 'kept-pw' })).toMatchObject({ statusCode: 200 });
    // A token issued before the restart is still accepted: the signing key is part of the state.
    const auth = authentication(second);
    auth.setAccessToken(login.data.access_token);
    expect(await auth.getProfile({})).toMatchObject({ statusCode: 200 });
    // The password is stored hashed, never in clear.
    const file = readFileSync(join(dataDir, 'emulator-state.json'), 'utf8');
    expect(file).not.toContain('kept-pw');
    expect(file).toContain('scrypt$');
  });

  it('leaves a readable prefix of the writes when killed mid-write', async () => {
    const dataDir = tempDir();
    const bin = resolve(import.meta.dirname, '../.test-build/cli.mjs');
    const child = spawn(process.execPath, [bin, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolveUrl(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
    });
    const headers = { ...(await managementToken({ url } as RunningEmulator)), 'content-type': 'application/json' };

    // Four writers, each creating users one after another: stream s writes s-0, s-1, …
    const acked = [-1, -1, -1, -1];
    let killed = false;
    const writer = async (stream: number) => {
      for (let index = 0; !killed; index++) {
        try {
          const response = await fetch(`${url}/api/v3/create-user`, { method: 'POST', headers, body: JSON.stringify({ username: `${stream}-${index}`, customData: { pad: 'x'.repeat(2000) } }) });
          const body = (await response.json()) as { statusCode: number };
          if (body.statusCode !== 200) throw new Error(JSON.stringify(body));
          acked[stream] = index;
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Kill at a random moment once every stream has some acknowledged writes, however slow the machine.
    const deadline = Date.now() + 20_000;
    while (Math.min(...acked) < 3 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
    await new Promise((wait) => setTimeout(wait, Math.random() * 300));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(writers);
    expect(Math.min(...acked)).toBeGreaterThan(2);

    // The file parses, and for every stream holds s-0 … s-k with no gap, including every acknowledged write.
    const state = JSON.parse(readFileSync(join(dataDir, 'emulator-state.json'), 'utf8')) as { users: Array<{ username: string }> };
    const names = new Set(state.users.map((user) => user.username));
    for (const stream of [0, 1, 2, 3]) {
      let count = 0;
      while (names.has(`${stream}-${count}`)) count++;
      expect(count, `stream ${stream}`).toBeGreaterThanOrEqual(acked[stream]! + 1);
      expect(count, `stream ${stream}`).toBeLessThanOrEqual(acked[stream]! + 2);
    }
    expect(names.size).toBe(state.users.length);
    const total = state.users.length;

    // A restart on the same directory serves that state and clears the dead process's temp files.
    const restarted = await open({ dataDir });
    const list = await management(restarted).listUsers({ options: { pagination: { page: 1, limit: 1 } } });
    expect(list).toMatchObject({ statusCode: 200, data: { totalCount: total } });
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('lets exactly one of 20 concurrent sign-ups of one email succeed; the others get 2026', async () => {
    const emulator = await open({ dataDir: tempDir() });
    const auth = authentication(emulator);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => auth.signUpByEmailPassword({ email: 'race@example.com', password: `pw-${index}` })),
    );
    expect(results.filter((result) => result.statusCode === 200)).toHaveLength(1);
    expect(results.filter((result) => result.statusCode !== 200).map((result) => result.apiCode)).toEqual(Array(19).fill(2026));
    expect(await management(emulator).listUsers({})).toMatchObject({ data: { totalCount: 1 } });
  });

  it('seeds pool, apps, users and roles from a seed object', async () => {
    const emulator = await open({
      seed: {
        userPool: { userPoolId: 'pool-1', secret: 'pool-secret' },
        apps: [{ appId: 'app-1', appSecret: 'app-secret', redirectUris: ['http://localhost/cb'] }],
        roles: [{ code: 'admin' }],
        groups: [{ code: 'staff' }],
        users: [{ email: 'seed@example.com', password: 'seeded-pw', roles: ['admin'], groups: ['staff'], customData: { tier: 'gold' } }],
      },
    });
    const mgmt = management(emulator, { accessKeyId: 'pool-1', accessKeySecret: 'pool-secret' });
    expect(await mgmt.listRoleMembers({ code: 'admin' })).toMatchObject({ data: { list: [{ email: 'seed@example.com' }] } });
    const auth = authentication(emulator, { appId: 'app-1', appSecret: 'app-secret' });
    const login = await auth.signInByEmailPassword({ email: 'seed@example.com', password: 'seeded-pw' });
    expect(login).toMatchObject({ statusCode: 200 });
    expect(await authentication(emulator).signInByEmailPassword({ email: 'seed@example.com', password: 'seeded-pw' })).toMatchObject({ apiCode: 2011 });
  });
});
