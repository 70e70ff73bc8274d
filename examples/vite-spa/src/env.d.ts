/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_AUTHING_APP_HOST?: string;
  readonly VITE_AUTHING_APP_ID?: string;
  readonly VITE_AUTHING_REDIRECT_URI?: string;
}
