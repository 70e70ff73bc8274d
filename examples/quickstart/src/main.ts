// The README's quickstart, step by step: each call is one of the official SDK
// docs' snippets, and each result is printed as the SDK returns it.
import { AuthenticationClient } from '@authing/authentication';
import { redact } from '@authing/core';
import { ManagementClient } from '@authing/management';
import { chooseTarget } from './target.ts';

const target = await chooseTarget();
console.log(`Running against ${target.kind}: ${target.management.host}, ${target.app.appHost}\n`);

// Against a real pool the answers hold live tokens: print them redacted.
function show(step: string, result: unknown): void {
  const text = redact(JSON.stringify(result, null, 2));
  console.log(`▶ ${step}\n${text.length > 1200 ? `${text.slice(0, 1200)}\n  …` : text}\n`);
}

try {
  const management = new ManagementClient({ ...target.management, lang: 'en-US', ...(target.fetch ? { fetch: target.fetch } : {}) });

  const users = await management.listUsers({ options: { pagination: { page: 1, limit: 10 } } });
  show('management.listUsers({ options: { pagination: { page: 1, limit: 10 } } })', users);

  const role = await management.createRole({ code: `quickstart-${Date.now()}`, description: 'Created by the SDK quickstart' });
  show("management.createRole({ code, description: 'Created by the SDK quickstart' })", role);

  const auth = new AuthenticationClient({ ...target.app, lang: 'en-US', ...(target.fetch ? { fetch: target.fetch } : {}) });
  const login = await auth.signInByEmailPassword({ email: target.user.email, password: target.user.password });
  show('auth.signInByEmailPassword({ email, password })', login);

  if (login.statusCode === 200) {
    auth.setAccessToken(login.data.access_token);
    const profile = await auth.updateProfile({ nickname: 'Alice' });
    show("auth.setAccessToken(access_token); auth.updateProfile({ nickname: 'Alice' })", profile);
  } else {
    console.log(`Sign-in failed with apiCode ${login.apiCode}: ${login.message}; skipping updateProfile.`);
  }
} finally {
  await target.stop();
}
