import type { RunningEmulator } from '@authing/emulator';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * `pnpm dev` with START_EMULATOR=true (the checked-in .env): starts the Authing emulator on
 * VITE_AUTHING_APP_HOST's port, with the public app and a user, for as long as the dev server runs.
 */
function emulator(env: Record<string, string>): Plugin {
  let running: RunningEmulator | undefined;
  return {
    name: 'authing-emulator',
    apply: 'serve',
    async configureServer(server) {
      if (env.START_EMULATOR !== 'true') return;
      const { startEmulator } = await import('@authing/emulator');
      const appHost = new URL(env.VITE_AUTHING_APP_HOST ?? 'http://127.0.0.1:3002');
      const port = server.config.server.port ?? 5173;
      running = await startEmulator({
        host: appHost.hostname,
        port: Number(appHost.port),
        seed: {
          apps: [
            {
              appId: env.VITE_AUTHING_APP_ID ?? 'spa',
              name: 'Vite SPA example',
              tokenEndPointAuthMethod: 'none',
              redirectUris: [`http://localhost:${port}/callback`, `http://127.0.0.1:${port}/callback`],
            },
          ],
          users: [{ email: 'alice@example.com', password: 'alice-pw', username: 'alice', name: 'Alice' }],
        },
      });
      server.config.logger.info(`  Authing emulator on ${running.url} (sign in as alice@example.com / alice-pw)`);
      server.httpServer?.once('close', () => void running?.stop());
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, '');
  return {
    server: { port: 5173, strictPort: true },
    plugins: [emulator(env)],
  };
});
