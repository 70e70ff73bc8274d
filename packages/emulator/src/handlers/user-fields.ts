import { profileFields } from '../dto.ts';
import type { RequestContext } from '../context.ts';
import { EmulatorError } from '../errors.ts';
import { encryptTypeOf } from '../password-keys.ts';
import { hashPassword } from '../passwords.ts';
import type { UserRecord, UserStatus } from '../state.ts';
import { newId } from '../store.ts';
import { nested, optBoolean, optEnum, optObject, optString, type Fields } from '../validate.ts';

const statuses: readonly UserStatus[] = ['Suspended', 'Resigned', 'Activated', 'Archived', 'Deactivated'];
const genders = ['M', 'F', 'U'] as const;

/** The user fields of a create or update request, type-checked, with `path` naming nested ones in errors. */
export interface UserInput {
  identifiers: { email?: string; phone?: string; username?: string; externalId?: string };
  phoneCountryCode?: string;
  status?: UserStatus;
  gender?: 'M' | 'F' | 'U';
  emailVerified?: boolean;
  phoneVerified?: boolean;
  profile: Record<string, string>;
  customData?: Record<string, unknown>;
  password?: string;
}

export function readUserInput(fields: Fields, path: (key: string) => string = (key) => key): UserInput {
  const email = optString(fields, 'email', path('email'))?.toLowerCase();
  const phone = optString(fields, 'phone', path('phone'));
  const username = optString(fields, 'username', path('username'));
  const externalId = optString(fields, 'externalId', path('externalId'));
  const profile: Record<string, string> = {};
  for (const key of profileFields) {
    const value = optString(fields, key, path(key));
    if (value !== undefined) profile[key] = value;
  }
  const phoneCountryCode = optString(fields, 'phoneCountryCode', path('phoneCountryCode'));
  const status = optEnum(fields, 'status', statuses, path('status'));
  const gender = optEnum(fields, 'gender', genders, path('gender'));
  const emailVerified = optBoolean(fields, 'emailVerified', path('emailVerified'));
  const phoneVerified = optBoolean(fields, 'phoneVerified', path('phoneVerified'));
  const customData = optObject(fields, 'customData', path('customData'));
  const password = optString(fields, 'password', path('password'));
  return {
    identifiers: {
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(username ? { username } : {}),
      ...(externalId ? { externalId } : {}),
    },
    ...(phoneCountryCode !== undefined ? { phoneCountryCode } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(gender !== undefined ? { gender } : {}),
    ...(emailVerified !== undefined ? { emailVerified } : {}),
    ...(phoneVerified !== undefined ? { phoneVerified } : {}),
    profile,
    ...(customData !== undefined ? { customData: { ...customData } } : {}),
    ...(password !== undefined && password !== '' ? { password } : {}),
  };
}

/**
 * The input with its password decrypted as `options.passwordEncryptType` of the request says
 * (CreateUserOptionsDto, UpdateUserOptionsDto); `path` names the password in errors.
 */
export async function withPlainPassword(context: RequestContext, input: UserInput, path: string = 'password'): Promise<UserInput> {
  if (input.password === undefined) return input;
  const options = nested(context.body, 'options');
  const type = encryptTypeOf(options?.fields, options?.path('passwordEncryptType'));
  return { ...input, password: await context.services.passwordKeys.plain(input.password, type, path) };
}

/** A new user record from checked input; the password is hashed here, outside the write queue. */
export async function newUser(input: UserInput, source: UserRecord['userSourceType']): Promise<UserRecord> {
  const { identifiers } = input;
  if (!identifiers.email && !identifiers.phone && !identifiers.username && !identifiers.externalId) {
    throw new EmulatorError(400, 'identifierRequired', { httpStatus: 400 });
  }
  const now = new Date().toISOString();
  return {
    userId: newId(),
    createdAt: now,
    updatedAt: now,
    status: input.status ?? 'Activated',
    userSourceType: source,
    ...identifiers,
    ...(input.phoneCountryCode !== undefined ? { phoneCountryCode: input.phoneCountryCode } : {}),
    emailVerified: input.emailVerified ?? false,
    phoneVerified: input.phoneVerified ?? false,
    gender: input.gender ?? 'U',
    profile: input.profile,
    customData: input.customData ?? {},
    loginsCount: 0,
    ...(input.password ? { passwordHash: await hashPassword(input.password), passwordLastSetAt: now } : {}),
  };
}

export function userExists(): EmulatorError {
  return new EmulatorError(400, 'userExists', { apiCode: 2026 });
}
