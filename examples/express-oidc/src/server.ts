// `npm start`: runs the app against a real Authing app (or any emulator) from environment variables.
import { createApp } from './app.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see examples/express-oidc/README.md).`);
    process.exit(1);
  }
  return value;
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';
const app = createApp({
  appHost: required('AUTHING_APP_HOST'),
  appId: required('AUTHING_APP_ID'),
  appSecret: required('AUTHING_APP_SECRET'),
  redirectUri: process.env.AUTHING_REDIRECT_URI ?? `http://${host}:${port}/callback`,
  cookieSecret: required('COOKIE_SECRET'),
});
const server = app.listen(port, host, () => console.log(`express-oidc example on http://${host}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close());
