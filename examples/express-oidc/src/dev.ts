// `pnpm dev`: starts the local Authing emulator with a user and this app registered, then the
// Express app on http://localhost:3000. Sign in as alice@example.com / alice-pw.
import { randomBytes } from 'node:crypto';
import { startEmulator } from '@authing/emulator';
import { createApp } from './app.ts';

const port = Number(process.env.PORT ?? 3000);
// The app on `localhost`, the emulator on 127.0.0.1: two cookie jars, as with a real Authing domain.
const redirectUri = `http://localhost:${port}/callback`;
const emulator = await startEmulator({
  port: Number(process.env.EMULATOR_PORT ?? 3001),
  seed: {
    apps: [{ appId: 'express-app', appSecret: 'express-app-secret', name: 'Express example', redirectUris: [redirectUri] }],
    users: [{ email: 'alice@example.com', password: 'alice-pw', username: 'alice', name: 'Alice' }],
  },
});
const app = createApp({
  appHost: emulator.url,
  appId: 'express-app',
  appSecret: 'express-app-secret',
  redirectUri,
  cookieSecret: process.env.COOKIE_SECRET ?? randomBytes(32).toString('base64url'),
});
const server = app.listen(port, 'localhost', () => {
  console.log(`Authing emulator on ${emulator.url}`);
  console.log(`express-oidc example on http://localhost:${port} (sign in as alice@example.com / alice-pw)`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void emulator.stop();
  });
}
