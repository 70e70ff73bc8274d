/** The hosted login page: one server-rendered form, no scripts, no external assets. */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

const style =
  'body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}' +
  'label,input,button{display:block;width:100%;box-sizing:border-box}input{margin:.25rem 0 1rem;padding:.5rem}' +
  'button{padding:.6rem}.error{color:#b00020}';

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`;
}

export interface LoginFormInput {
  /** Where the form posts: the interaction's own URL, which its cookie is bound to. */
  action: string;
  appName: string;
  account?: string;
  error?: string;
}

export function loginForm({ action, appName, account, error }: LoginFormInput): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>to continue to <strong>${escapeHtml(appName)}</strong> (Authing emulator)</p>` +
      (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '') +
      `<form method="post" action="${escapeHtml(action)}" autocomplete="on">` +
      `<label for="account">Email, username or phone</label><input id="account" name="account" required autofocus value="${escapeHtml(account ?? '')}">` +
      `<label for="password">Password</label><input id="password" name="password" type="password" required>` +
      `<button type="submit">Sign in</button></form>`,
  );
}

export function messagePage(title: string, text: string, extra = ''): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${extra}`);
}
