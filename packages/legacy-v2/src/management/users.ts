import type { CreateUserReqDto } from '@authing/management';
import { passwordPayload } from '../password.ts';
import type { V2CommonMessage, V2Paginated } from '../shapes/paginated.ts';
import { toV2User, type V2User } from '../shapes/user.ts';
import type { ManagementContext } from './context.ts';

/** The profile fields v2's `users.create` and `users.update` accept (v3 takes the same names). */
export type V2UserInput = Omit<CreateUserReqDto, 'options' | 'customData' | 'identities' | 'otp' | 'tenantIds' | 'departmentIds'> & {
  password?: string;
};

/** v2's `managementClient.users`. */
export class UsersManagementClient {
  readonly #context: ManagementContext;

  /** @internal Built by `ManagementClient`. */
  constructor(context: ManagementContext) {
    this.#context = context;
  }

  /** A page of users, newest first: `{ totalCount, list }` of v2 users. */
  list(page = 1, limit = 10): Promise<V2Paginated<V2User>> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('users.list', 'listUsers', async () => {
      const { totalCount, list } = await v3.listUsers({ options: { pagination: { page, limit } } });
      return { totalCount, list: list.map((user) => toV2User(user, userPoolId)) };
    });
  }

  /** One user by id. */
  detail(userId: string): Promise<V2User> {
    const { v3, shim, userPoolId } = this.#context;
    return shim.run('users.detail', 'getUser', async () => toV2User(await v3.getUser({ userId }), userPoolId));
  }

  /**
   * Creates a user. `options.keepPassword` and `options.resetPasswordOnFirstLogin` keep their v2
   * meaning; the password is encrypted with `encPublicKey` when the client has one.
   */
  create(userInfo: V2UserInput, options: { keepPassword?: boolean; resetPasswordOnFirstLogin?: boolean; customData?: Record<string, unknown> } = {}): Promise<V2User> {
    const { v3, shim, userPoolId, encPublicKey } = this.#context;
    return shim.run('users.create', 'createUser', async () => {
      const { password, ...profile } = userInfo;
      const encrypted = password === undefined ? undefined : await passwordPayload(password, encPublicKey);
      const user = await v3.createUser({
        ...profile,
        ...(encrypted ? { password: encrypted.password } : {}),
        ...(options.customData ? { customData: options.customData } : {}),
        options: {
          keepPassword: options.keepPassword,
          resetPasswordOnFirstLogin: options.resetPasswordOnFirstLogin,
          ...(encrypted ? { passwordEncryptType: encrypted.passwordEncryptType } : {}),
        },
      });
      return toV2User(user, userPoolId);
    });
  }

  /** Deletes one user; resolves v2's `{ code: 200, message }`. */
  delete(userId: string): Promise<V2CommonMessage> {
    const { v3, shim } = this.#context;
    return shim.run('users.delete', 'deleteUsersBatch', async () => {
      await v3.deleteUsersBatch({ userIds: [userId] });
      return { code: 200 as const, message: 'deleted' };
    });
  }

  /** v2 re-sent a verification email through GraphQL; v3 has no management endpoint for it. */
  sendFirstLoginVerifyEmail(_userId: string, _appId: string): Promise<never> {
    return this.#context.shim.unsupported('users.sendFirstLoginVerifyEmail', 'v3 sends verification emails from the sign-up flow (AuthenticationClient.sendEmail)');
  }
}
