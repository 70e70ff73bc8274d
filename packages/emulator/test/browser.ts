// A stand-in for the user's browser in the OIDC tests: a cookie jar over fetch, and a driver that
// follows redirects and fills the hosted login form once.

/** A minimal cookie jar over fetch, standing in for the user's browser. */
export function browser(): { fetch: (url: string, init?: RequestInit) => Promise<Response>; cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async fetch(url, init = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const index = pair.indexOf('=');
        const value = pair.slice(index + 1);
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') cookies.delete(pair.slice(0, index));
        else cookies.set(pair.slice(0, index), value);
      }
      return response;
    },
  };
}

export type Browser = ReturnType<typeof browser>;

/**
 * Follows redirects from `url` like a browser; the first time the hosted login page shows its
 * form, submits `credentials` to the form's action. Returns the URL that reached `until`, or the
 * page the flow stopped on.
 */
export async function drive(
  jar: Browser,
  url: string,
  until: string,
  credentials?: { account: string; password: string },
): Promise<{ url: string } | { page: string; status: number; action: string }> {
  let current = url;
  let init: RequestInit | undefined;
  let submitted = false;
  for (let hop = 0; hop < 15; hop++) {
    if (current.startsWith(until)) return { url: current };
    const response = await jar.fetch(current, init);
    init = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).href;
      continue;
    }
    const page = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    if (!action || !credentials || submitted) return { page, status: response.status, action: action ?? '' };
    submitted = true;
    current = new URL(action, current).href;
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(credentials).toString() };
  }
  throw new Error('too many redirects');
}
