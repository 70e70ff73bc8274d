/** The app's settings, read from Vite's env at build time (`.env`, `.env.local`, or the environment). */
export interface SpaConfig {
  /** The Authing app's domain (e.g. `https://my-app.authing.cn`) or the emulator's URL. */
  appHost: string;
  /** A public client: `tokenEndPointAuthMethod: none`, no secret in the browser. */
  appId: string;
  /** Registered in the app's login callback URLs; default this page's origin + `/callback`. */
  redirectUri: string;
}

export function readConfig(): SpaConfig {
  const appHost = import.meta.env.VITE_AUTHING_APP_HOST;
  const appId = import.meta.env.VITE_AUTHING_APP_ID;
  if (!appHost || !appId) throw new Error('Set VITE_AUTHING_APP_HOST and VITE_AUTHING_APP_ID (see examples/vite-spa/README.md).');
  return { appHost, appId, redirectUri: import.meta.env.VITE_AUTHING_REDIRECT_URI || `${location.origin}/callback` };
}
