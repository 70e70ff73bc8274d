// The README's quickstart, step by step: each call is one of the official SDK
// docs' snippets, and each result is printed as the SDK returns it.
import { AuthenticationClient } from '@authing/authentication';
import { redact } from '@authing/core';
import { ManagementClient } from '@authing/management';
import { chooseTarget } from './target.ts';

const target = await chooseTarget();
console.log(`Running against the ${target.kind}: ${target.management.host}\n`);

// Against a real pool the answers hold live tokens: print them redacted.
function show(step: string, result: unknown): void {
  const text = redact(JSON.stringify(result, null, 2));
  console.log(`▶ ${step}\n${text.length > 1200 ? `${text.slice(0, 1200)}\n  …` : text}\n`);
}

try {
  const management = new ManagementClient({ ...target.management, lang: 'en-US' });
  const { email, password } = target.user;

  const created = await management.createUser({ email, password, nickname: 'Quickstart' });
  show('management.createUser({ email, password, nickname })', created);
  if (created.statusCode !== 200) throw new Error(`createUser failed: ${created.message}`);

  show('management.listUsers({ keywords: "quickstart", options: { pagination: { page: 1, limit: 10 } } })',
    await management.listUsers({ keywords: 'quickstart', options: { pagination: { page: 1, limit: 10 } } }));

  const code = `quickstart-${Date.now()}`;
  show('management.createRole({ code, description })', await management.createRole({ code, description: 'Created by the SDK quickstart' }));
  show("management.assignRole({ code, targets: [{ targetType: 'USER', targetIdentifier: userId }] })",
    await management.assignRole({ code, targets: [{ targetType: 'USER', targetIdentifier: created.data.userId }] }));

  const auth = new AuthenticationClient({ ...target.app, lang: 'en-US' });
  const login = await auth.signInByEmailPassword({ email, password });
  show('auth.signInByEmailPassword({ email, password })', login);
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.message}`);

  auth.setAccessToken(login.data.access_token);
  show("auth.setAccessToken(access_token); auth.updateProfile({ nickname: 'Alice' })", await auth.updateProfile({ nickname: 'Alice' }));

  const wrong = await auth.signInByEmailPassword({ email, password: 'not-the-password' });
  show('auth.signInByEmailPassword({ email, password: wrong }) → apiCode 2333', wrong);
  if (wrong.statusCode === 200 || wrong.apiCode !== 2333) throw new Error('expected apiCode 2333 for a wrong password');
} finally {
  await target.stop();
}
