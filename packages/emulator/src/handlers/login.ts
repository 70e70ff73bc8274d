import { authenticateClient, issueLoginTokens } from '../auth/app.ts';
import type { RequestContext } from '../context.ts';
import { toUserDto } from '../dto.ts';
import { ApiCode, EmulatorError } from '../errors.ts';
import { encryptTypeOf } from '../password-keys.ts';
import { verifyPassword } from '../passwords.ts';
import type { Route } from '../route.ts';
import type { UserRecord } from '../state.ts';
import type { Identifier } from '../store.ts';
import { missing, nested, optString, reqString, type Fields } from '../validate.ts';
import { requireSecondFactor } from './mfa.ts';
import { userNotFound } from './users.ts';
import { newUser, readUserInput, userExists } from './user-fields.ts';

const wrongCredentials = () => new EmulatorError(400, 'wrongCredentials', { apiCode: ApiCode.wrongCredentials });
const badPassCode = () => new EmulatorError(400, 'badPassCode');

/** `passwordPayload.password`, decrypted as `options.passwordEncryptType` says (SignUpOptionsDto, SignInOptionsDto). */
async function payloadPassword(context: RequestContext, fields: Fields, path: (child: string) => string): Promise<string> {
  const options = nested(context.body, 'options');
  const type = encryptTypeOf(options?.fields, options?.path('passwordEncryptType'));
  return context.services.passwordKeys.plain(reqString(fields, 'password', path('password')), type, path('password'));
}

/** Reads `passwordPayload` / `passCodePayload`, required for its connection. */
function payload(context: RequestContext, key: 'passwordPayload' | 'passCodePayload'): { fields: Fields; path: (child: string) => string } {
  const found = nested(context.body, key);
  if (!found) throw missing(key);
  return found;
}

function connection(context: RequestContext, allowed: readonly string[]): string {
  const value = reqString(context.body, 'connection');
  if (!allowed.includes(value)) throw new EmulatorError(501, 'unsupportedConnection', { params: { connection: value }, httpStatus: 501 });
  return value;
}

/** Checks a passcode sent to an email or a phone, spending it. */
function spendPassCode(context: RequestContext, fields: Fields, path: (child: string) => string): { email?: string; phone?: string } {
  const passCode = reqString(fields, 'passCode', path('passCode'));
  const email = optString(fields, 'email', path('email'))?.toLowerCase();
  const phone = optString(fields, 'phone', path('phone'));
  if (!email && !phone) throw missing(path('email'));
  const ok = email ? context.services.passCodes.consume('email', email, passCode) : context.services.passCodes.consume('sms', phone!, passCode);
  if (!ok) throw badPassCode();
  return email ? { email } : { phone: phone! };
}

async function signUp(context: RequestContext): Promise<unknown> {
  const kind = connection(context, ['PASSWORD', 'PASSCODE']);
  const profile = nested(context.body, 'profile');
  // SignUpProfileDto carries the profile; its email/phone never override the credentials.
  const profileInput = profile ? readUserInput(profile.fields, profile.path) : undefined;
  let identifiers: { email?: string; phone?: string; username?: string };
  let password: string | undefined;
  let verified = false;
  if (kind === 'PASSWORD') {
    const { fields, path } = payload(context, 'passwordPayload');
    password = await payloadPassword(context, fields, path);
    const email = optString(fields, 'email', path('email'))?.toLowerCase();
    const username = optString(fields, 'username', path('username'));
    if (!email && !username) throw missing(path('email'));
    identifiers = { ...(email ? { email } : {}), ...(username ? { username } : {}) };
  } else {
    const { fields, path } = payload(context, 'passCodePayload');
    // A code proves the address before anything is stored; checked here, outside the write queue.
    identifiers = spendPassCode(context, fields, path);
    verified = true;
  }
  const user = await newUser(
    {
      identifiers,
      profile: profileInput?.profile ?? {},
      ...(profileInput?.gender ? { gender: profileInput.gender } : {}),
      ...(profileInput?.customData ? { customData: profileInput.customData } : {}),
      ...(password ? { password } : {}),
      ...(verified && identifiers.email ? { emailVerified: true } : {}),
      ...(verified && identifiers.phone ? { phoneVerified: true } : {}),
    },
    'register',
  );
  // The uniqueness check and the insert run alone in the write queue: of
  // concurrent sign-ups with one email exactly one gets past this point.
  await context.services.store.write((state) => {
    if (context.services.store.conflict(user)) throw userExists();
    state.users.push(user);
  });
  return toUserDto(user, { withCustomData: true });
}

export async function recordLogin(context: RequestContext, user: UserRecord): Promise<void> {
  if (user.status === 'Suspended' || user.status === 'Deactivated') {
    throw new EmulatorError(403, 'userSuspended', { apiCode: ApiCode.userLocked });
  }
  await context.services.store.write(() => {
    user.loginsCount += 1;
    user.lastLogin = new Date().toISOString();
  });
}

async function signIn(context: RequestContext): Promise<unknown> {
  const kind = connection(context, ['PASSWORD', 'PASSCODE']);
  authenticateClient(context);
  const { store } = context.services;
  let user: UserRecord | undefined;
  if (kind === 'PASSWORD') {
    const { fields, path } = payload(context, 'passwordPayload');
    const password = await payloadPassword(context, fields, path);
    const account = optString(fields, 'account', path('account'));
    const lookups: Array<[Identifier, string | undefined]> = [
      ['email', optString(fields, 'email', path('email'))],
      ['username', optString(fields, 'username', path('username'))],
      ['phone', optString(fields, 'phone', path('phone'))],
    ];
    const [type, value] = lookups.find(([, candidate]) => candidate) ?? [undefined, undefined];
    if (type && value) {
      user = store.findUser(type, value);
      // A named email, username or phone that nobody has: Authing says so (2004).
      if (!user) throw userNotFound();
    } else if (account) {
      user = store.findUser('username', account) ?? store.findUser('email', account) ?? store.findUser('phone', account);
      // With a bare "account" Authing does not reveal which part was wrong.
      if (!user) throw wrongCredentials();
    } else {
      throw missing(path('email'));
    }
    if (!(await verifyPassword(password, user.passwordHash))) throw wrongCredentials();
  } else {
    const { fields, path } = payload(context, 'passCodePayload');
    const email = optString(fields, 'email', path('email'));
    const phone = optString(fields, 'phone', path('phone'));
    user = email ? store.findUser('email', email) : phone ? store.findUser('phone', phone) : undefined;
    if (!user && (email || phone)) throw userNotFound();
    spendPassCode(context, fields, path);
  }
  // A user with an enrolled OTP factor gets 1635 and an mfaToken instead of tokens (see mfa.ts).
  requireSecondFactor(context, user!);
  await recordLogin(context, user!);
  return issueLoginTokens(context, user!);
}

function sendSms(context: RequestContext): undefined {
  const phone = reqString(context.body, 'phoneNumber');
  const channel = reqString(context.body, 'channel');
  const code = context.services.passCodes.issue('sms', phone);
  context.services.outbox.messages.push({ kind: 'sms', to: phone, channel, code, sentAt: new Date() });
  return undefined;
}

function sendEmail(context: RequestContext): undefined {
  const email = reqString(context.body, 'email').toLowerCase();
  const channel = reqString(context.body, 'channel');
  const code = context.services.passCodes.issue('email', email);
  context.services.outbox.messages.push({ kind: 'email', to: email, channel, code, sentAt: new Date() });
  return undefined;
}

export const loginRoutes: Route[] = [
  { operation: 'signUp', method: 'POST', path: '/api/v3/signup', guard: 'app', handle: signUp },
  { operation: 'signInByCredentials', method: 'POST', path: '/api/v3/signin', guard: 'app', handle: signIn },
  { operation: 'sendSms', method: 'POST', path: '/api/v3/send-sms', guard: 'app', handle: sendSms },
  { operation: 'sendEmail', method: 'POST', path: '/api/v3/send-email', guard: 'app', handle: sendEmail },
];
